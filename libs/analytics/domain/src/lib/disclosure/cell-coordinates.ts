/** Where a cell sits: exactly the dimensions of one canonical table, nothing more. */
export interface CellCoordinates {
  readonly region?: string;
  readonly learnerGroup?: string;
  readonly profession?: string;
  readonly organisationId?: string;
  readonly siteId?: string;
  /**
   * The learner's education provider (university, college…): a third axis beside geography and learner,
   * with no hierarchy of its own (an education provider's cells cross the placement organisations').
   */
  readonly educationProviderId?: string;
}

/** One counter rollup for a (cycle, measure): n answered the measure's question, k of them positively. */
export interface CounterCell {
  readonly coordinates: CellCoordinates;
  readonly respondents: number;
  readonly positive: number;
}

export type Dimension = keyof CellCoordinates;

/** Fixed order of dimensions in a key, so equal coordinates always give the same key. */
export const DIMENSIONS: readonly Dimension[] = [
  'region',
  'organisationId',
  'siteId',
  'learnerGroup',
  'profession',
  'educationProviderId',
];

/** Every dimension of a cell resolved through the hierarchy (an organisation's cell also knows its region). */
export type CellScope = CellCoordinates;
