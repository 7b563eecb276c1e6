import type { ResultCell } from '../result-cells';

/** A published result cell of the region table, as the graph answers it; override what a test is about. */
type CellOverrides = Partial<Omit<ResultCell, 'group'>> & { group?: Partial<ResultCell['group']> };

export function resultCell(overrides: CellOverrides = {}): ResultCell {
  const { group, ...rest } = overrides;
  return {
    measureKey: 'overall-experience',
    measureTitle: 'Overall educational experience',
    year: 2024,
    respondents: 120,
    positive: 103,
    percentPositive: 85.83,
    interval: { lower: 0.784, upper: 0.911 },
    benchmark: { national: 86.9, learnerGroup: null },
    flag: 'NONE',
    noData: false,
    suppressed: false,
    suppressionReason: null,
    ...rest,
    group: {
      table: 'REGION',
      region: 'LONDON',
      learnerGroup: null,
      profession: null,
      organisationId: null,
      siteId: null,
      ...group,
    },
  };
}

/** A withheld cell: the graph gives its group and reason, never a number. */
export const withheldCell = (group: Partial<ResultCell['group']>): ResultCell =>
  resultCell({
    group,
    respondents: null,
    positive: null,
    percentPositive: null,
    interval: null,
    flag: 'SUPPRESSED',
    suppressed: true,
    suppressionReason: 'COMPLEMENTARY',
  });
