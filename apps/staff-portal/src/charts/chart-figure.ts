import type { TopLevelSpec } from 'vega-lite/build/index';
import type { TableModel } from '../tables/table-model';
import { renderChartSvg } from './render-chart';

/**
 * A chart as the page shows it: the picture (hidden from assistive technology), a one-sentence summary, and
 * the same data as an accessible table, which is also what its exports hold.
 */
export interface ChartFigure {
  id: string;
  title: string;
  summary: string;
  svg: string;
  table: TableModel;
}

/** What a view model gives for a chart: everything but the drawing, which routes render (vega is ESM). */
export interface ChartFigureModel {
  id: string;
  title: string;
  summary: string;
  spec: TopLevelSpec;
  table: TableModel;
}

export async function renderChartFigure(model: ChartFigureModel): Promise<ChartFigure> {
  return {
    id: model.id,
    title: model.title,
    summary: model.summary,
    svg: await renderChartSvg(model.spec),
    table: model.table,
  };
}

export const renderChartFigures = (models: readonly ChartFigureModel[]): Promise<ChartFigure[]> =>
  Promise.all(models.map(renderChartFigure));
