// Charts for a run: Vega-Lite specs built from the run record and results, drawn to SVG.
export type { Chart, ChartSection, VegaLiteSpec, WrittenChart } from './chart.js';
export { buildCharts, type ChartInput } from './build-charts.js';
export { type ChartLink, withChartLinks } from './chart-links.js';
export { renderSvg } from './render-svg.js';
export { CHARTS_DIR, renderCharts, writeCharts } from './write-charts.js';
export { type WriteReportChartsOptions, writeReportCharts } from './write-report-charts.js';
