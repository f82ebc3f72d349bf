export * from './catalogue';
export * from './coverage';
export * from './mef123';
