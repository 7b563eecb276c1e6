export * from './lib/identity';
export * from './lib/guards';
export * from './lib/token-verifier';
export * from './lib/auth-config';
export * from './lib/signing-keys';
