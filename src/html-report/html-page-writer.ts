// Streams one self-contained HTML page to disk: head with a strict Content Security Policy,
// the report sections (already HTML), the case data as JSON blocks, and the inline script.
// Case rows are written one at a time with back-pressure, so a 100,000-case page never exists
// as one string in memory.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { CaseResult } from '../run/types.js';
import { clientMain } from './client-main.js';
import { escapeHtml, jsonForScript } from './escape-html.js';
import { packDetail, packIndex } from './pack-row.js';
import { createRowContext, type PageMeta, toCaseRow } from './page-data.js';
import type { ChunkTexts } from './chunk-texts.js';
import { PAGE_STYLE } from './page-style.js';
import { unsupportedSentences } from './unsupported-sentences.js';

export interface HtmlPageInput {
  file: string;
  title: string;
  runId: string;
  /** Report sections as trusted HTML (markdownToHtml output), or '' for none. */
  sectionsHtml: string;
  results: Iterable<CaseResult> | AsyncIterable<CaseResult>;
  /** The run to compare each case with (the baseline run, or run A of a comparison). */
  baseline: readonly CaseResult[] | null;
  baselineRunId: string | null;
  baselineLabel?: string;
  chunkTexts: ChunkTexts;
  /** A line under the title (e.g. why the baseline's answers are missing). */
  notes?: string[];
}

export const CLIENT_SCRIPT = `(${clientMain.toString()})();`;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/**
 * Nothing may load from anywhere: no network, no other file. Only this page's own script and
 * stylesheet run, identified by hash, and images may only be inline data.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256(CLIENT_SCRIPT)}'`,
    `style-src 'sha256-${sha256(PAGE_STYLE)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export async function writeHtmlPage(
  input: HtmlPageInput,
): Promise<{ file: string; cases: number; bytes: number }> {
  await mkdir(path.dirname(input.file), { recursive: true });
  const temp = `${input.file}.${process.pid}.tmp`;
  const stream = createWriteStream(temp, { encoding: 'utf8' });
  let bytes = 0;
  const write = async (chunk: string): Promise<void> => {
    bytes += Buffer.byteLength(chunk);
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  const ctx = createRowContext({
    title: input.title,
    runId: input.runId,
    baselineRunId: input.baselineRunId,
    chunkText: (id) => input.chunkTexts.text(id),
    hasChunkTexts: input.chunkTexts.available,
    baseline: input.baseline,
    unsupported: unsupportedSentences,
  });
  try {
    await write(head(input));
    // The index part streams to the file; the detail part streams through gzip into memory
    // (about a fifth of its size) and is written after it as base64.
    const gzip = createGzip({ level: 6 });
    const compressed: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => compressed.push(chunk));
    const gzipped = once(gzip, 'end');
    gzip.write('[');
    await write('<script type="application/json" id="evalgate-cases">[');
    let first = true;
    for await (const result of input.results) {
      const row = toCaseRow(ctx, result);
      await write(`${first ? '' : ',\n'}${jsonForScript(packIndex(row))}`);
      if (!gzip.write(`${first ? '' : ','}${JSON.stringify(packDetail(row))}`)) await once(gzip, 'drain');
      first = false;
    }
    await write(']</script>\n');
    gzip.end(']');
    await gzipped;
    await write('<script type="application/octet-stream" id="evalgate-details" data-encoding="gzip+base64">');
    const blob = Buffer.concat(compressed);
    compressed.length = 0;
    // Base64 in slices that are whole multiples of 3 bytes, so the pieces join into one encoding.
    const SLICE = 3 * 256 * 1024;
    for (let at = 0; at < blob.length; at += SLICE)
      await write(blob.subarray(at, at + SLICE).toString('base64'));
    await write('</script>\n');
    await write(
      `<script type="application/json" id="evalgate-chunks">${jsonForScript(ctx.chunks)}</script>\n`,
    );
    const meta: PageMeta & { baselineLabel: string } = {
      ...ctx.meta,
      baselineLabel: input.baselineLabel ?? 'baseline',
    };
    await write(`<script type="application/json" id="evalgate-meta">${jsonForScript(meta)}</script>\n`);
    await write(`<script>${CLIENT_SCRIPT}</script>\n</body>\n</html>\n`);
    stream.end();
    await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    throw error;
  }
  await rename(temp, input.file);
  return { file: input.file, cases: ctx.meta.cases, bytes };
}

function head(input: HtmlPageInput): string {
  const notes = (input.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // The policy holds only quotes of the single kind and base64, so it sits in the attribute as is.
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<header class="top">',
    `<h1>${escapeHtml(input.title)}</h1>`,
    `<nav>${input.sectionsHtml ? '<a href="#report">Report</a>' : ''}<a href="#cases">Cases</a></nav>`,
    notes,
    '</header>',
    '<main>',
    input.sectionsHtml ? `<section id="report">${input.sectionsHtml}</section>` : '',
    '<section id="cases"><h2>Cases</h2><div id="cases-app"></div></section>',
    '</main>',
    '',
  ].join('\n');
}
