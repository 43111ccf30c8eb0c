// Renders a run's charts (in report order) to SVG strings, and writes them into one folder.
import { buildCharts, type ChartInput } from './build-charts.js';
import type { WrittenChart } from './chart.js';
import { renderSvg } from './render-svg.js';
import { replaceCharts } from './replace-charts.js';

/** The folder name the markdown report links into, relative to the report. */
export const CHARTS_DIR = 'charts';

export async function renderCharts(input: ChartInput): Promise<WrittenChart[]> {
  const written: WrittenChart[] = [];
  for (const chart of buildCharts(input)) {
    written.push({
      file: chart.file,
      title: chart.title,
      section: chart.section,
      svg: await renderSvg(chart.spec),
    });
  }
  return written;
}

/** `writeCharts(record, dir)` for library users: draw and write, no history beyond this run. */
export async function writeCharts(input: ChartInput & { dir: string }): Promise<WrittenChart[]> {
  const charts = await renderCharts(input);
  await replaceCharts(input.dir, charts);
  return charts;
}
