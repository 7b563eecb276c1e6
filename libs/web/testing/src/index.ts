export * from './lib/browser-checks';
export * from './lib/app-process';
export * from './lib/chromium';
