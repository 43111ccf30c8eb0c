// What a chart is before it is drawn: a file name, a title, the report section it belongs to
// and a Vega-Lite spec holding its data inline. Builders produce these; render-svg draws them.

/** A Vega-Lite spec as plain data; the compiler validates it when the chart is drawn. */
export type VegaLiteSpec = Record<string, unknown>;

/** The model-eval-report.md sections a chart can sit under (same names as the headings). */
export type ChartSection =
  | 'Performance Metrics'
  | 'Bias Audit Results'
  | 'Error Analysis'
  | 'Confidence Distribution'
  | 'Recommendation';

export interface Chart {
  /** File name inside the charts folder, e.g. `forest-vs-baseline.svg`. */
  file: string;
  /** Alt text and caption. */
  title: string;
  section: ChartSection;
  spec: VegaLiteSpec;
}

/** A chart as written to disk: what the markdown and HTML reports link or inline. */
export interface WrittenChart {
  file: string;
  title: string;
  section: ChartSection;
  svg: string;
}
