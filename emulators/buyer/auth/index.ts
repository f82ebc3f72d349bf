export * from './bearer-auth';
export * from './oauth2-client-credentials';
