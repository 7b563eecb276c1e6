import type { PsaSummaryFiguresFragment } from '../../__generated__/graphql';
import { textCell, type TableCell, type TableModel, type TableRow } from '../../tables/table-model';
import { regionName } from '../quality-flags/region-names';

type Indicator = PsaSummaryFiguresFragment['indicators'][number];

const WITHHELD = 'Withheld';
const WITHHELD_REASON = 'fewer than 3 providers answered';

const withheldCell = (): TableCell => ({
  text: WITHHELD,
  value: null,
  withheld: true,
  withheldReason: `Withheld to protect confidentiality: ${WITHHELD_REASON}`,
});

/** This year's share answering yes, and its change in points on the year before, as the table shows them. */
function figures(
  indicator: Indicator | undefined,
  year: number,
): { percent: TableCell; change: TableCell; direction: number | null } {
  if (!indicator) return { percent: textCell('–'), change: textCell('–'), direction: null };
  const percent = indicator.suppressed ? null : indicator.percentYes;
  const last = indicator.previousYears.find((p) => p.year === year - 1);
  const previous = last?.percentYes ?? null;
  const percentCell: TableCell =
    percent === null ? withheldCell() : { text: String(percent), value: percent };
  if (percent === null || previous === null) {
    const why = !last
      ? `no assessments in ${year - 1}`
      : percent === null
        ? 'this year is withheld'
        : `${year - 1} is withheld`;
    return { percent: percentCell, change: { text: `Not comparable: ${why}`, value: null }, direction: null };
  }
  const points = percent - previous;
  const size = Math.abs(points);
  const text =
    points === 0
      ? `No change from ${previous}%`
      : `${points > 0 ? 'Up' : 'Down'} ${size} ${size === 1 ? 'point' : 'points'} from ${previous}%`;
  return { percent: percentCell, change: { text, value: points }, direction: Math.sign(points) };
}

export interface PsaSummaryView {
  year: number;
  regionName: string | null;
  nationalCounted: number;
  regionalCounted: number | null;
  summary: string;
  table: TableModel;
}

/** The headline indicators nationally and, when asked, in one region, each with its change on the year before. */
export function psaSummaryView(
  national: PsaSummaryFiguresFragment,
  regional: PsaSummaryFiguresFragment | null,
): PsaSummaryView {
  const year = national.year;
  const region = regional ? regionName(regional.region) : null;
  const regionalByIndicator = new Map((regional?.indicators ?? []).map((i) => [i.indicator, i]));
  let rises = 0;
  let falls = 0;
  const rows: TableRow[] = national.indicators.map((indicator) => {
    const nationally = figures(indicator, year);
    if (nationally.direction === 1) rises += 1;
    if (nationally.direction === -1) falls += 1;
    const row: TableRow = {
      indicator: textCell(indicator.question),
      national: nationally.percent,
      nationalChange: nationally.change,
      answered: { text: String(indicator.answered), value: indicator.answered },
    };
    if (regional) {
      const inRegion = figures(regionalByIndicator.get(indicator.indicator), year);
      row['regional'] = inRegion.percent;
      row['regionalChange'] = inRegion.change;
    }
    return row;
  });
  return {
    year,
    regionName: region,
    nationalCounted: national.assessmentsCounted,
    regionalCounted: regional?.assessmentsCounted ?? null,
    summary:
      national.assessmentsCounted === 0
        ? `No self-assessment has been counted for ${year} yet.`
        : `${national.assessmentsCounted} self-assessments counted for ${year}: ${rises} of ${rows.length} indicators rose nationally on ${year - 1} and ${falls} fell.`,
    table: {
      id: `psa-summary-${year}${regional?.region ? `-${regional.region.toLowerCase()}` : ''}`,
      caption: `Providers answering yes, ${year}${region ? `: England and ${region}` : ': England'}`,
      columns: [
        { key: 'indicator', header: 'Indicator' },
        { key: 'national', header: 'England (%)', numeric: true },
        { key: 'nationalChange', header: `England: change on ${year - 1} (points)` },
        { key: 'answered', header: 'Providers answering (England)', numeric: true },
        ...(regional
          ? [
              { key: 'regional', header: `${region} (%)`, numeric: true },
              { key: 'regionalChange', header: `${region}: change on ${year - 1} (points)` },
            ]
          : []),
      ],
      rows,
      emptyText: `No self-assessment has been counted for ${year} yet.`,
    },
  };
}

export const PSA_WITHHELD_NOTE = `A withheld figure is withheld because ${WITHHELD_REASON}.`;
