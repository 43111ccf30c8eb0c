// Puts image links to the charts into a rendered markdown report, each at the end of the
// section it illustrates (found by its `## ` heading). A chart whose section is missing goes
// into a closing "Charts" section, so no chart is silently dropped.
import type { ChartSection } from './chart.js';

export interface ChartLink {
  file: string;
  title: string;
  section: ChartSection;
}

export function withChartLinks(markdown: string, charts: readonly ChartLink[], folder = 'charts'): string {
  if (charts.length === 0) return markdown;
  const lines = markdown.replace(/\n+$/, '').split('\n');
  const image = (c: ChartLink): string =>
    `![${c.title.replace(/[[\]\\]/g, '')}](${folder}/${encodeURI(c.file)})`;
  const leftover: ChartLink[] = [];
  const bySection = new Map<string, ChartLink[]>();
  for (const chart of charts) {
    const start = lines.findIndex((l) => l.trim() === `## ${chart.section}`);
    if (start < 0) leftover.push(chart);
    else bySection.set(chart.section, [...(bySection.get(chart.section) ?? []), chart]);
  }
  // Insert from the last section backwards so earlier insertions do not shift later indexes.
  const sections = [...bySection.keys()]
    .map((section) => ({ section, start: lines.findIndex((l) => l.trim() === `## ${section}`) }))
    .sort((a, b) => b.start - a.start);
  for (const { section, start } of sections) {
    let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
    if (end < 0) end = lines.length;
    while (end > start + 1 && lines[end - 1].trim() === '') end--;
    const block = (bySection.get(section) ?? []).flatMap((c) => ['', image(c)]);
    lines.splice(end, 0, ...block);
  }
  if (leftover.length > 0) lines.push('', '## Charts', ...leftover.flatMap((c) => ['', image(c)]));
  return `${lines.join('\n')}\n`;
}
