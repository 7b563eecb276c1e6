export * from './lib/gateway-config';
export * from './lib/compose-supergraph';
export * from './lib/start-gateway';
export * from './lib/supergraph-urls';
export * from './lib/subgraph-data-source';
export * from './lib/trusted-documents';
export { documentProblem, rememberedDocumentProblem, type DocumentGuardOptions } from './lib/http-contract';
export { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './lib/operation-limits';
