import { aggregate, fineCounters, largePopulation } from '../../test-support/population';
import { auditDisclosure } from './audit-disclosure';
import { computeSuppression } from './compute-suppression';

describe('national scale (a sixth of national scale)', () => {
  it('computes a pattern the audit passes, and reports how long it took (not asserted)', () => {
    const population = largePopulation(7, 60);
    const cells = aggregate(population);
    const start = process.hrtime.bigint();
    const fine = fineCounters(population);
    const pattern = computeSuppression(cells, population.hierarchy, { fine });
    const computeMs = Number(process.hrtime.bigint() - start) / 1e6;
    const audit = auditDisclosure(cells, pattern, population.hierarchy, fine);
    expect(audit.safe).toBe(true);
    expect(cells.length).toBeGreaterThan(1000);
    const s = pattern.statistics;
    process.stdout.write(
      `computeSuppression: ${cells.length} cells, ${s.belowMinimum} below minimum, ${s.complementary} complementary, ` +
        `${s.rounds} rounds, ${computeMs.toFixed(0)} ms (first run in this process, includes JIT warm-up)\n`,
    );
  });
});
