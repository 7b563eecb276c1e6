export * from './rollup.repository';
export * from './release.repository';
