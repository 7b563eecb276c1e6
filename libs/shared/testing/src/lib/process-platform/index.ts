export * from './free-ports';
export * from './platform-process';
export * from './process-platform';
export * from './proc-stats';
export * from './identity-provider-browser';
