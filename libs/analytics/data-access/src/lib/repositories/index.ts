export * from './rollup.repository';
export * from './release.repository';
export * from './registry.repository';
