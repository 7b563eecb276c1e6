import { createRedactor, measureRedaction, type LabelledComment, type RedactionType } from '../index';
import { placementComments } from './placement-comments.data';
import { testRegistry } from './registry.fixture';

const identifierTypes: readonly RedactionType[] = [
  'EMAIL',
  'PHONE',
  'NHS_NUMBER',
  'POSTCODE',
  'REGISTRATION_NUMBER',
  'DATE_OF_BIRTH',
];
const nameTypes: readonly RedactionType[] = ['NAME', 'PLACE', 'ORGANISATION'];

const onlyLabelsOf = (types: readonly RedactionType[]): LabelledComment[] =>
  placementComments.map((comment) => ({
    ...comment,
    spans: comment.spans.filter((span) => types.includes(span.type)),
  }));

const percent = (value: number | undefined): string => `${((value ?? 0) * 100).toFixed(1)}%`;

/**
 * The figures the README reports. Run: npx jest -c libs/response/domain-redaction/jest.config.js benchmark
 */
describe('redaction of the labelled placement comments', () => {
  const redactor = createRedactor(testRegistry);
  const metrics = measureRedaction(redactor, placementComments);
  const names = measureRedaction(redactor, onlyLabelsOf(nameTypes));
  const identifiers = measureRedaction(redactor, onlyLabelsOf(identifierTypes));

  beforeAll(() => {
    const passes = 10;
    const started = performance.now();
    for (let pass = 0; pass < passes; pass += 1) {
      for (const comment of placementComments) {
        redactor.redact(comment.text);
      }
    }
    const perComment = (performance.now() - started) / (passes * placementComments.length);
    process.stdout.write(
      [
        `comments ${placementComments.length}, labelled spans ${metrics.labelledSpans}, removed spans ${metrics.removedSpans}`,
        `recall ${percent(metrics.recall)} (names, places, organisations ${percent(names.recall)}; identifiers ${percent(identifiers.recall)})`,
        `precision ${percent(metrics.precision)}, type agreement ${percent(metrics.typeAgreement)}`,
        `review rate ${percent(metrics.reviewRate)} (comments without identifiers ${percent(metrics.cleanCommentReviewRate)})`,
        ...Object.entries(metrics.recallByType).map(
          ([type, recall]) => `  recall ${type.padEnd(20)} ${percent(recall)}`,
        ),
        ...metrics.missed.map((miss) => `  missed   ${miss.commentId} ${miss.type} "${miss.value}"`),
        ...metrics.spurious.map((extra) => `  spurious ${extra.commentId} ${extra.type} "${extra.value}"`),
        `time ${perComment.toFixed(2)} ms per comment (${passes} passes, after a warm-up pass)`,
        '',
      ].join('\n'),
    );
  });

  it('removes at least 95% of the labelled names, places and organisations', () => {
    expect(names.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('removes at least 95% of the labelled identifiers', () => {
    expect(identifiers.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps precision at 0.9 or above', () => {
    expect(metrics.precision).toBeGreaterThanOrEqual(0.9);
  });
});
