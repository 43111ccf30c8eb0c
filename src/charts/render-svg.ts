// Draws a Vega-Lite spec to an SVG string in Node. No canvas and no system fonts are involved:
// without the optional `canvas` package Vega estimates text widths from a fixed per-character
// table, so the same spec gives the same bytes on every machine. Vega is imported lazily so
// commands that draw no chart do not pay for loading it.
import type { TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from './chart.js';

/** One font stack for every chart; viewers pick the first one they have. */
export const CHART_FONT = 'Helvetica, Arial, sans-serif';

const BASE_CONFIG = {
  font: CHART_FONT,
  background: 'white',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 340 },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 320 },
  title: { fontSize: 13, anchor: 'start' as const },
};

let modules: Promise<[typeof import('vega'), typeof import('vega-lite')]> | null = null;

function loadVega(): Promise<[typeof import('vega'), typeof import('vega-lite')]> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]);
  return modules;
}

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vl] = await loadVega();
  const config = { ...BASE_CONFIG, ...((spec.config as object | undefined) ?? {}) };
  const withConfig = { ...spec, config } as unknown as TopLevelSpec;
  // Vega-Lite's advisory warnings (e.g. about faceted scales) would land on the user's stderr.
  const logger = vega.logger(vega.None);
  const compiled = vl.compile(withConfig, { logger }).spec;
  // No loader access: every chart carries its data inline, and a spec must never fetch.
  const loader = vega.loader({ mode: 'file' });
  loader.load = async () => {
    throw new Error('charts carry their data inline; loading is disabled');
  };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader, logLevel: vega.None });
  try {
    return normalizeIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers clip paths and gradients from a process-wide counter, so the second chart
 * drawn in a process would say `clip2` where a fresh process says `clip1`. Renumbering per
 * document makes the bytes depend on the chart alone.
 */
export function normalizeIds(svg: string): string {
  const ids = new Map<string, string>();
  const pattern = /id="((?:clip|gradient|pattern)_?\d+)"/g;
  for (const match of svg.matchAll(pattern)) {
    if (!ids.has(match[1])) ids.set(match[1], `${match[1].replace(/\d+$/, '')}${ids.size + 1}`);
  }
  if (ids.size === 0) return svg;
  return svg.replace(/(id="|url\(#)((?:clip|gradient|pattern)_?\d+)/g, (whole, prefix: string, id: string) =>
    ids.has(id) ? `${prefix}${ids.get(id)}` : whole,
  );
}
