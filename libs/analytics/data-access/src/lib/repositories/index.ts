export * from './models';
export * from './rollup.repository';
