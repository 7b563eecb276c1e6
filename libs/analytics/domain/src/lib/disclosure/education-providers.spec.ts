import { auditDisclosure } from './audit-disclosure';
import { computeSuppression } from './compute-suppression';
import { canonicalCellsOf, type FineCounter } from './fine-counters';
import { publishCell } from './publish-cell';

const hierarchy = {
  regionOfOrganisation: new Map([
    ['A', 'LONDON'],
    ['B', 'MIDLANDS'],
  ]),
  organisationOfSite: new Map([
    ['SA', 'A'],
    ['SB', 'B'],
  ]),
  learnerGroupOfProfession: new Map([['STUDENT_NURSE_ADULT', 'NURSING']]),
};

/** `organisation,site,educationProvider,respondents,positive;…`; an empty education provider: none named. */
function fineOf(spec: string): FineCounter[] {
  return spec.split(';').map((cell) => {
    const [organisationId, siteId, educationProviderId, n, k] = cell.split(',');
    return {
      organisationId,
      siteId,
      educationProviderId,
      profession: 'STUDENT_NURSE_ADULT',
      respondents: Number(n),
      positive: Number(k),
    };
  });
}

/** What each cell by education provider publishes: its numbers, or WITHHELD. */
function educationView(spec: string): Record<string, string> {
  const fine = fineOf(spec);
  const cells = canonicalCellsOf(fine, hierarchy);
  const pattern = computeSuppression(cells, hierarchy, { fine, minCellSize: 3 });
  expect(auditDisclosure(cells, pattern, hierarchy, fine).safe).toBe(true);
  return Object.fromEntries(
    cells
      .filter((c) => c.coordinates.educationProviderId !== undefined)
      .map((c) => {
        const published = publishCell(c, pattern);
        const name = `${c.coordinates.organisationId ?? '*'}×${c.coordinates.educationProviderId}`;
        return [name, published.suppressed ? 'WITHHELD' : `${c.positive}/${c.respondents}`];
      }),
  );
}

describe('suppression by education provider', () => {
  it('withholds a university of 2 learners, protected by the learners who named none, and publishes the other', () => {
    expect(educationView('A,SA,U1,5,4;A,SA,U2,2,1;A,SA,,3,2;B,SB,U1,4,3;B,SB,,3,2')).toEqual({
      '*×U1': '7/9',
      'A×U1': '4/5',
      'B×U1': '3/4',
      '*×U2': 'WITHHELD',
      'A×U2': 'WITHHELD',
    });
  });

  it('keeps each university’s national figure when learners of two universities can swap placements', () => {
    // (A,U1) = 1 is protected by moving learners of U1 and U2 between A and B: every total stays.
    expect(educationView('A,SA,U1,1,1;A,SA,U2,5,3;B,SB,U1,5,4;B,SB,U2,5,2')).toEqual({
      '*×U1': '5/6',
      '*×U2': '5/10',
      'A×U1': 'WITHHELD',
      'A×U2': 'WITHHELD',
      'B×U1': 'WITHHELD',
      'B×U2': 'WITHHELD',
    });
  });
});
