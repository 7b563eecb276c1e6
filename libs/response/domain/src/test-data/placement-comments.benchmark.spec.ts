import { createRedactor, measureRedaction, type LabelledComment, type RedactionMetrics } from '../index';
import { placementCommentsBatchA } from './placement-comments-batch-a.data';
import { placementCommentsBatchB } from './placement-comments-batch-b.data';
import { placementComments } from './placement-comments.data';
import { testRegistry } from './registry.fixture';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

const sets: ReadonlyArray<readonly [string, readonly LabelledComment[]]> = [
  ['first set c001-c379', placementComments],
  ['batch A a001-a085 (tuning)', placementCommentsBatchA],
  ['batch B b001-b090 (held out)', placementCommentsBatchB],
];

function report(name: string, comments: readonly LabelledComment[], metrics: RedactionMetrics): string[] {
  const { identifier, name: names, place } = metrics.byKind;
  const kind = (label: string, figures: RedactionMetrics['byKind']['place']): string =>
    `  ${label.padEnd(12)} recall ${percent(figures.recall).padStart(6)} (${figures.caught}/${figures.labelled}), precision ${percent(figures.precision).padStart(6)} (${figures.removed} removed)`;
  return [
    `${name}: ${comments.length} comments, ${metrics.labelledSpans} labelled spans, ${metrics.removedSpans} removed`,
    kind('identifiers', identifier),
    kind('names', names),
    kind('places', place),
    `  all          recall ${percent(metrics.recall)}, precision ${percent(metrics.precision)}, type agreement ${percent(metrics.typeAgreement)}, review ${percent(metrics.reviewRate)} (clean comments ${percent(metrics.cleanCommentReviewRate)})`,
    ...metrics.missed.map((miss) => `  missed   ${miss.commentId} ${miss.type} "${miss.value}"`),
    ...metrics.spurious.map((extra) => `  spurious ${extra.commentId} ${extra.type} "${extra.value}"`),
  ];
}

/**
 * The figures the README reports, per kind (identifiers, names, places) and per set. Run:
 * npx jest -c libs/response/domain/jest.config.js benchmark
 */
describe('redaction of the labelled placement comments', () => {
  const redactor = createRedactor(testRegistry);
  const measured = new Map(sets.map(([name, comments]) => [name, measureRedaction(redactor, comments)]));
  const figures = (name: string): RedactionMetrics => {
    const metrics = measured.get(name);
    if (!metrics) {
      throw new Error(`no set ${name}`);
    }
    return metrics;
  };

  beforeAll(() => {
    const corpus = sets.flatMap(([, comments]) => comments);
    const passes = 10;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let pass = 0; pass < passes; pass += 1) {
      for (const comment of corpus) {
        redactor.redact(comment.text);
      }
    }
    const perComment = (performance.now() - started) / (passes * corpus.length);
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerComment = (cpu.user + cpu.system) / 1000 / (passes * corpus.length);
    process.stdout.write(
      [
        ...sets.flatMap(([name, comments]) => report(name, comments, figures(name))),
        `time ${perComment.toFixed(2)} ms wall, ${cpuPerComment.toFixed(2)} ms CPU per comment (${corpus.length} comments, ${passes} passes, after the measuring pass)`,
        '',
      ].join('\n'),
    );
  });

  describe.each(['first set c001-c379', 'batch A a001-a085 (tuning)'])(
    '%s, a set the rules were tuned on',
    (name) => {
      it('removes at least 99% of identifiers, 95% of names and 90% of places', () => {
        const { identifier, name: names, place } = figures(name).byKind;
        expect(identifier.recall).toBeGreaterThanOrEqual(0.99);
        expect(names.recall).toBeGreaterThanOrEqual(0.95);
        expect(place.recall).toBeGreaterThanOrEqual(0.9);
      });

      it('keeps precision at 0.9 or above', () => {
        expect(figures(name).precision).toBeGreaterThanOrEqual(0.9);
      });
    },
  );

  /*
   * Batch B was run once after the rules were final (README): identifiers 5/5, names 16/16, places 60/61,
   * precision 98.8%. The floors sit just under that run rather than at the targets, so that a change which
   * loses what the held-out batch showed fails here; with 5 identifiers and 16 names, 0.99 and 0.95 still mean
   * every one of them.
   */
  describe('batch B, held out', () => {
    it('stays at or above the floors just under its one measured run', () => {
      const metrics = figures('batch B b001-b090 (held out)');
      expect(metrics.byKind.identifier.recall).toBeGreaterThanOrEqual(0.99);
      expect(metrics.byKind.name.recall).toBeGreaterThanOrEqual(0.95);
      expect(metrics.byKind.place.recall).toBeGreaterThanOrEqual(0.95);
      expect(metrics.precision).toBeGreaterThanOrEqual(0.95);
    });
  });
});
