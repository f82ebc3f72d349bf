export * from './attribute-rules';
export * from './coupling';
export * from './machines';
export * from './state-machine';
