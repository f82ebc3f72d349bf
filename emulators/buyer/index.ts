export * from './auth';
export * from './http-types';
export * from './http-client';
export * from './ids';
export * from './listener-types';
export * from './listener';
export * from './redact-exchange';
export type { TransportError } from './node-error';
