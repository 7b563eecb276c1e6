import type { TopLevelSpec } from 'vega-lite/build/index';

/** NHS.UK palette: the chart's colours, always beside a second carrier (shape, label, line style). */
export const NHS_COLOURS = {
  blue: '#005eb8',
  darkBlue: '#003087',
  grey: '#4c6272',
  green: '#007f3b',
  lightGreen: '#78be20',
  red: '#d5281b',
  pink: '#ae2573',
  warmYellow: '#ffb81c',
} as const;

/**
 * Phones first: a chart's plot is drawn this wide (with its labels, about 420 px) so that its text stays legible
 * on a 320 px screen; it scales with its viewBox up to the page's measure on larger ones.
 */
export const CHART_WIDTH = 280;
const LABEL_LIMIT = 120;

const FONT = 'Frutiger W01, Arial, sans-serif';
const CONFIG = {
  font: FONT,
  axis: { labelFontSize: 13, titleFontSize: 13, labelColor: '#212b32', titleColor: '#212b32' },
  legend: { labelFontSize: 13, titleFontSize: 13, labelLimit: 320, orient: 'bottom' as const },
  view: { stroke: null },
};

export interface TrendPoint {
  series: string;
  year: number;
  percent: number;
  /** Published figures are drawn as diamonds, the demo's as a line with circles. */
  source?: string;
}

/** Percent positive over the years, one line per series, published figures as separate diamonds. */
export function trendChartSpec(points: readonly TrendPoint[], title: string): TopLevelSpec {
  const x = { field: 'year', type: 'ordinal' as const, title: 'Year', axis: { labelAngle: 0 } };
  const y = {
    field: 'percent',
    type: 'quantitative' as const,
    title: 'Percent positive',
    scale: { domain: [0, 100] },
  };
  const colour = { field: 'series', type: 'nominal' as const, title: null, scale: { scheme: 'tableau10' } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: title,
    width: CHART_WIDTH,
    height: 220,
    config: CONFIG,
    data: { values: [...points] },
    layer: [
      {
        transform: [{ filter: "datum.source !== 'Published'" }],
        mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 2 },
        // Each measure's line differs by dash as well as colour.
        encoding: {
          x,
          y,
          color: colour,
          strokeDash: { field: 'series', type: 'nominal' as const, title: null },
        },
      },
      {
        transform: [{ filter: "datum.source === 'Published'" }],
        mark: { type: 'point', shape: 'diamond', filled: false, size: 90, strokeWidth: 2 },
        encoding: { x, y, color: colour },
      },
    ],
  };
}

export interface BarDatum {
  label: string;
  value: number;
}

/** Horizontal bars, labelled with their values (respondents by cycle, reasons' shares). */
export function barChartSpec(
  bars: readonly BarDatum[],
  options: { title: string; valueTitle: string; percent?: boolean },
): TopLevelSpec {
  const x = {
    field: 'value',
    type: 'quantitative' as const,
    title: options.valueTitle,
    ...(options.percent ? { scale: { domain: [0, 100] } } : {}),
  };
  const y = {
    field: 'label',
    type: 'nominal' as const,
    title: null,
    sort: null,
    axis: { labelLimit: LABEL_LIMIT },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.title,
    width: CHART_WIDTH,
    height: { step: 24 },
    config: CONFIG,
    data: { values: [...bars] },
    layer: [
      { mark: { type: 'bar', color: NHS_COLOURS.blue }, encoding: { x, y } },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#212b32' },
        encoding: {
          x,
          y,
          text: { field: 'value', type: 'quantitative', format: options.percent ? '.0f' : ',d' },
        },
      },
    ],
  };
}

export interface IntervalDatum {
  label: string;
  percent: number;
  lower: number;
  upper: number;
  /** The flag's words, drawn as its shape and colour too. */
  flag: string;
}

const FLAG_SHAPES = {
  domain: ['Red', 'Pink', 'No flag', 'Light green', 'Green'],
  shapes: ['triangle-down', 'triangle-down', 'circle', 'triangle-up', 'triangle-up'],
  colours: [NHS_COLOURS.red, NHS_COLOURS.pink, NHS_COLOURS.grey, NHS_COLOURS.lightGreen, NHS_COLOURS.green],
};

/** Each group's percent positive with its 95% interval, the benchmark as a dashed rule, flags as shapes. */
export function intervalChartSpec(
  data: readonly IntervalDatum[],
  options: { title: string; benchmark: number | null },
): TopLevelSpec {
  const y = {
    field: 'label',
    type: 'nominal' as const,
    title: null,
    sort: null,
    axis: { labelLimit: LABEL_LIMIT },
  };
  const scale = { domain: [0, 100] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.title,
    width: CHART_WIDTH,
    height: { step: 26 },
    config: CONFIG,
    layer: [
      {
        data: { values: [...data] },
        mark: { type: 'rule', strokeWidth: 2, color: NHS_COLOURS.grey },
        encoding: {
          y,
          x: { field: 'lower', type: 'quantitative', title: 'Percent positive (95% interval)', scale },
          x2: { field: 'upper' },
        },
      },
      {
        data: { values: [...data] },
        mark: { type: 'point', filled: true, size: 110, opacity: 1 },
        encoding: {
          y,
          x: { field: 'percent', type: 'quantitative', scale },
          shape: {
            field: 'flag',
            type: 'nominal',
            title: 'Flag',
            scale: { domain: FLAG_SHAPES.domain, range: FLAG_SHAPES.shapes },
          },
          color: {
            field: 'flag',
            type: 'nominal',
            title: 'Flag',
            scale: { domain: FLAG_SHAPES.domain, range: FLAG_SHAPES.colours },
          },
        },
      },
      ...(options.benchmark === null
        ? []
        : [
            {
              data: { values: [{ benchmark: options.benchmark }] },
              mark: {
                type: 'rule' as const,
                strokeDash: [6, 4],
                strokeWidth: 2,
                color: NHS_COLOURS.darkBlue,
              },
              encoding: { x: { field: 'benchmark', type: 'quantitative' as const, scale } },
            },
          ]),
    ],
  };
}
