export * from './lib/service-config';
export * from './lib/run-service';
export * from './lib/run-main';
export * from './lib/service-processes';
export * from './lib/scheduled-jobs';
