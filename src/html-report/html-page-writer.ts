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
  /** The run's `hallucination_threshold`, at which answer sentences are marked unsupported. */
  hallucinationThreshold?: number;
  /** False when another version of the offline check scored the run: its sentences are not re-marked. */
  markUnsupported?: boolean;
}

const PIECE_CHARS = 1 << 16;
const EMPTY = Buffer.alloc(0);

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
    unsupported: (result, passages) =>
      input.markUnsupported === false
        ? []
        : unsupportedSentences(result, passages, input.hallucinationThreshold),
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
    // Rows are gathered into ~64 KB pieces per part before they are written: one write per row
    // (twice: file and gzip) made a Buffer and a stream entry per row, 200,000 of them at
    // 100,000 cases.
    let index = '';
    let detail = '';
    let first = true;
    for await (const result of input.results) {
      const row = toCaseRow(ctx, result);
      index += `${first ? '' : ',\n'}${jsonForScript(packIndex(row))}`;
      detail += `${first ? '' : ','}${JSON.stringify(packDetail(row))}`;
      first = false;
      if (index.length >= PIECE_CHARS) {
        const piece = index;
        index = '';
        await write(piece);
      }
      if (detail.length >= PIECE_CHARS) {
        const piece = detail;
        detail = '';
        if (!gzip.write(piece)) await once(gzip, 'drain');
      }
    }
    if (index) await write(index);
    if (detail) gzip.write(detail);
    index = '';
    detail = '';
    await write(']</script>\n');
    gzip.end(']');
    await gzipped;
    await write('<script type="application/octet-stream" id="evalgate-details" data-encoding="gzip+base64">');
    // Base64 chunk by chunk, each cut at a multiple of 3 bytes (the rest carried into the next),
    // so the pieces join into the one encoding of the whole: no copy of the whole compressed
    // part, and each chunk is let go once written.
    let carry: Buffer | null = null;
    for (let i = 0; i < compressed.length; i++) {
      const joined: Buffer = carry ? Buffer.concat([carry, compressed[i]]) : compressed[i];
      compressed[i] = EMPTY;
      const whole = joined.length - (joined.length % 3);
      if (whole > 0) await write(joined.subarray(0, whole).toString('base64'));
      carry = whole < joined.length ? Buffer.from(joined.subarray(whole)) : null;
    }
    compressed.length = 0;
    if (carry) await write(carry.toString('base64'));
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
