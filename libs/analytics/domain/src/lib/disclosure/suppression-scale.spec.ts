import { aggregate, largePopulation } from '../../test-support/population';
import { auditDisclosure } from './audit-disclosure';
import { computeSuppression } from './compute-suppression';

describe('national scale (about 5,000 cells per cycle and measure)', () => {
  it('computes a pattern the audit passes, and reports how long it took (not asserted)', () => {
    const population = largePopulation(7, 360);
    const cells = aggregate(population);
    const start = process.hrtime.bigint();
    const pattern = computeSuppression(cells, population.hierarchy);
    const computeMs = Number(process.hrtime.bigint() - start) / 1e6;
    const audit = auditDisclosure(cells, pattern, population.hierarchy);
    expect(audit.safe).toBe(true);
    expect(cells.length).toBeGreaterThan(4500);
    const s = pattern.statistics;
    process.stdout.write(
      `computeSuppression: ${cells.length} cells, ${s.belowMinimum} below minimum, ${s.complementary} complementary, ` +
        `${s.rounds} rounds, ${computeMs.toFixed(0)} ms (first run in this process, includes JIT warm-up)\n`,
    );
  });
});
