import type { TopLevelSpec } from 'vega-lite/build/index';
import { importEsm } from '../esm/import-esm';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite/build/index');

let libraries: Promise<{ vega: Vega; vegaLite: VegaLite }> | undefined;
const loadLibraries = () =>
  (libraries ??= Promise.all([importEsm<Vega>('vega'), importEsm<VegaLite>('vega-lite')]).then(
    ([vega, vegaLite]) => ({ vega, vegaLite }),
  ));

/**
 * A vega-lite chart as an SVG string, rendered on the server (no canvas, no script in the browser). The SVG
 * scales to its container through its viewBox; its data is always shown as a table beside it.
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = await loadLibraries();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg.replace(/^<svg ([^>]*?)width="[\d.]+" height="[\d.]+"/, '<svg $1');
  } finally {
    view.finalize();
  }
}
