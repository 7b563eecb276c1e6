export * from './quality-standards';
export * from './psa-indicators';
