export { Z_95, percentPositive, wilsonInterval, type ProportionInterval } from './lib/statistics/proportion';
export { quantileOfSorted } from './lib/statistics/quantile';
export {
  flagGroup,
  type Flag,
  type FlagGroupOptions,
  type FlagUnit,
  type GroupFlags,
  type Polarity,
} from './lib/statistics/outlier-flags';
export {
  persistentRisk,
  type FlagsByCycle,
  type PersistentRisk,
  type PersistentRiskOptions,
} from './lib/statistics/persistent-risk';

export type { CellCoordinates, CounterCell, Dimension } from './lib/disclosure/cell-coordinates';
export {
  CANONICAL_TABLES,
  TABLE_RELATIONS,
  canonicalTable,
  cellKey,
  tableOf,
  type CanonicalTable,
  type CanonicalTableId,
  type GeographyLevel,
  type LearnerLevel,
  type TableRelation,
} from './lib/disclosure/canonical-tables';
export type { Hierarchy, Lookup } from './lib/disclosure/hierarchy';
export {
  InconsistentCountersError,
  NonCanonicalCellError,
  NonCanonicalQueryError,
  StalePatternError,
} from './lib/disclosure/disclosure-errors';
export {
  DEFAULT_MIN_CELL_SIZE,
  DEFAULT_PROTECTION_WIDTH,
  PUBLISHED_SUPPRESSION_REASON,
  inheritSuppression,
  type PatternEntry,
  type PublishedEntry,
  type SuppressedEntry,
  type SuppressionPattern,
  type SuppressionReason,
  type SuppressionStatistics,
} from './lib/disclosure/suppression-pattern';
export {
  computeSharedSuppression,
  computeSuppression,
  type SharedSuppressionInput,
  type SuppressionOptions,
} from './lib/disclosure/compute-suppression';
export { canonicalCellsOf, type FineCounter } from './lib/disclosure/fine-counters';
export { auditDisclosure, type DisclosureAudit } from './lib/disclosure/audit-disclosure';
export {
  publishCell,
  publishGroup,
  type PublishGroupOptions,
  type PublishOptions,
  type PublishedCell,
  type PublishedNoData,
  type PublishedResult,
  type WithheldCell,
} from './lib/disclosure/publish-cell';
export {
  selectCells,
  type CanonicalQuery,
  type CellFilter,
  type SelectedCell,
} from './lib/disclosure/select-cells';

// Counters and results: how responses fold into counters, and how released views become rows.
export * from './lib/counters/counter-records';
export * from './lib/counters/fold-plan';
export * from './lib/counters/canonical-cells';
export * from './lib/counters/year-definitions';
export * from './lib/results/measure-view';
export * from './lib/results/persistence';
export * from './lib/results/reader-scope';
export * from './lib/results/result-rows';
export * from './lib/results/result-views';
