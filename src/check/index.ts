export * from './check-types';
export * from './echo-check';
export * from './notification-rules';
export * from './observations';
export * from './registry';
