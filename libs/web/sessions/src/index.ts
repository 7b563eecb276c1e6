export * from './lib/session-cookie';
export * from './lib/session-table';
