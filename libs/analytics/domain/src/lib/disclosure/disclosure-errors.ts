/** A cell whose coordinates are not exactly the dimensions of one canonical table. */
export class NonCanonicalCellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonCanonicalCellError';
  }
}

/** A query that would need an aggregate outside the canonical tables (and so could difference cells). */
export class NonCanonicalQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonCanonicalQueryError';
  }
}

/**
 * Counters that break the additive relations the audit relies on (a total that is not the sum of its
 * parts, a site outside the hierarchy, a negative count…). Computing a pattern on them would audit a
 * system other than the one a reader can solve, so nothing is computed.
 */
export class InconsistentCountersError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `counters are not consistent: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
    );
    this.name = 'InconsistentCountersError';
  }
}

/** A cell that is not in the pattern, or whose respondents changed since the pattern was computed. */
export class StalePatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StalePatternError';
  }
}
