import type { TopLevelSpec } from 'vega-lite/build/index';
import { NHS_COLOURS, intervalChartSpec } from '../../charts/chart-specs';
import { FLAG_DISPLAY, type ResultCell } from '../../results/result-cells';

/**
 * The portal's interval chart (percent positive, 95% interval, flag as shape and colour) with each measure's
 * own benchmark as a tick on its row: measures are benchmarked against different national figures.
 */
export function measuresChartSpec(published: readonly ResultCell[], title: string): TopLevelSpec {
  const rows = published.flatMap((r) =>
    r.percentPositive === null || !r.interval
      ? []
      : [
          {
            label: r.measureTitle,
            percent: r.percentPositive,
            lower: r.interval.lower * 100,
            upper: r.interval.upper * 100,
            flag: FLAG_DISPLAY[r.flag ?? 'NONE'].label,
            benchmark: r.benchmark.learnerGroup ?? r.benchmark.national,
          },
        ],
  );
  const spec = intervalChartSpec(rows, { title, benchmark: null });
  if (!('layer' in spec)) return spec;
  const benchmarks = rows.filter((r) => r.benchmark !== null);
  return {
    ...spec,
    layer: [
      ...spec.layer,
      {
        data: { values: benchmarks },
        mark: { type: 'tick', thickness: 2, color: NHS_COLOURS.darkBlue },
        encoding: {
          y: { field: 'label', type: 'nominal', title: null, sort: null },
          x: { field: 'benchmark', type: 'quantitative', scale: { domain: [0, 100] } },
        },
      },
    ],
  } as TopLevelSpec;
}
