export { createRedactor } from './lib/redaction/redactor';
export { isValidNhsNumber } from './lib/redaction/nhs-number.rule';
export { measureRedaction } from './lib/redaction/redaction-metrics';
export type {
  KindMetrics,
  LabelledComment,
  LabelledSpan,
  MissedSpan,
  RedactionMetrics,
} from './lib/redaction/redaction-metrics';
export { redactionKindOf, redactionTypes } from './lib/redaction/redaction.types';
export type {
  RedactionKind,
  RedactionResult,
  RedactionSpan,
  RedactionType,
  Redactor,
  RegistryNames,
} from './lib/redaction/redaction.types';
export * from './lib/responses/models';
export * from './lib/responses/answer-validation.rules';
export * from './lib/responses/codes.rules';
export * from './lib/responses/feedback-release.rules';
export * from './lib/responses/progress-suppression.rules';
export * from './lib/responses/submission.rules';
export * from './lib/responses/programmes';
export * from './lib/responses/comment-filter.rules';
