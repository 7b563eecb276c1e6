export { createRedactor } from './lib/redactor';
export { isValidNhsNumber } from './lib/nhs-number.rule';
export { measureRedaction } from './lib/redaction-metrics';
export type { LabelledComment, LabelledSpan, MissedSpan, RedactionMetrics } from './lib/redaction-metrics';
export { redactionTypes } from './lib/redaction.types';
export type {
  RedactionResult,
  RedactionSpan,
  RedactionType,
  Redactor,
  RegistryNames,
} from './lib/redaction.types';
