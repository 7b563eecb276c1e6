export * from './lib/session-cookie';
export * from './lib/session-table';
export * from './lib/session-migration-step';
