export { createRedactor } from './lib/redactor';
export { isValidNhsNumber } from './lib/nhs-number.rule';
export { measureRedaction } from './lib/redaction-metrics';
export type {
  KindMetrics,
  LabelledComment,
  LabelledSpan,
  MissedSpan,
  RedactionMetrics,
} from './lib/redaction-metrics';
export { redactionKindOf, redactionTypes } from './lib/redaction.types';
export type {
  RedactionKind,
  RedactionResult,
  RedactionSpan,
  RedactionType,
  Redactor,
  RegistryNames,
} from './lib/redaction.types';
