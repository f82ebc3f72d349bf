export * from './app';
export * from './server';
export { CONTROL_PREFIX } from './control/control-routes';
export { CONTROL_ACTIONS, type ControlAction } from './control/control-actions';
export type { DeliveryAttempt } from './notify/dispatcher';
export { DEFAULT_PROFILE } from './profile/default-profile';
export { loadProfileFile, profileFromValue } from './profile/load-profile';
export type { SellerProfile, Outcome, OutcomeRule } from './profile/profile-types';
