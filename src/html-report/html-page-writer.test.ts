// The written page: one executable script allowed by the CSP's hash, data blocks that cannot
// end their script element, every case present, and nothing that could reach the network.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { jsonForScript } from './escape-html.js';
import { CLIENT_SCRIPT, writeHtmlPage } from './html-page-writer.js';
import { PAGE_STYLE } from './page-style.js';

const HOSTILE = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> \u2028';
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function page(): Promise<{ html: string; cases: number }> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'evalgate-html-'));
  const results = [
    caseResult({ caseId: 'plain', input: 'How do I reset my password?' }),
    caseResult({ caseId: `x${HOSTILE}`, input: HOSTILE, output: HOSTILE, tags: [HOSTILE] }),
  ];
  const written = await writeHtmlPage({
    file: path.join(dir, 'report.html'),
    title: `Report ${HOSTILE}`,
    runId: 'run-1',
    sectionsHtml: '<h2 id="s">Section</h2>',
    results,
    baseline: null,
    baselineRunId: null,
    chunkTexts: { text: () => undefined, available: false },
    notes: [HOSTILE],
  });
  return { html: await readFile(written.file, 'utf8'), cases: written.cases };
}

describe('writeHtmlPage', () => {
  it('writes a page whose only executable script is the one its CSP allows', async () => {
    const { html, cases } = await page();
    expect(cases).toBe(2);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)];
    // Data blocks carry a non-script type, so the browser never runs them.
    const executable = scripts.filter((m) => !/type="application\/(json|octet-stream)"/.test(m[1]));
    expect(executable).toHaveLength(1);
    expect(scripts).toHaveLength(5);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const hash = (text: string) => createHash('sha256').update(text).digest('base64');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`'sha256-${hash(CLIENT_SCRIPT)}'`);
    expect(csp).toContain(`style-src 'sha256-${hash(PAGE_STYLE)}'`);
    expect(csp).not.toContain('unsafe');
    expect(html).toContain(`<script>${CLIENT_SCRIPT}</script>`);
  });

  it('keeps hostile text inert: escaped in markup, \\u-escaped in the data, and every case present', async () => {
    const { html } = await page();
    const afterHead = html.slice(html.indexOf('<body>'));
    expect(afterHead.match(/<script>alert/g)).toBeNull();
    expect(afterHead).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    const block =
      /<script type="application\/json" id="evalgate-cases">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(block).not.toMatch(/[<>\u2028]/);
    // The index part: position 0 is the id, 4 the question (see pack-row.ts).
    const rows = JSON.parse(block) as unknown[][];
    expect(rows.map((r) => r[0])).toEqual(['plain', `x${HOSTILE}`]);
    expect(rows[1][4]).toBe(HOSTILE);
    // The detail part decodes to the answers, in the same order.
    const encoded =
      /id="evalgate-details" data-encoding="gzip\+base64">([A-Za-z0-9+/=]*)<\/script>/.exec(html)?.[1] ?? '';
    const details = JSON.parse(gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8')) as unknown[][];
    expect(details.map((d) => d[0])).toEqual(['answer plain', HOSTILE]);
  });

  it("marks unsupported sentences at the run's threshold, and none when another check version scored it", async () => {
    const marks = async (options: { hallucinationThreshold?: number; markUnsupported?: boolean }) => {
      const at = await mkdtemp(path.join(os.tmpdir(), 'evalgate-html-marks-'));
      try {
        const flagged = caseResult({
          caseId: 'c',
          output: 'Refunds are issued within 45 days of purchase.',
          scores: { 'hallucination.rate': 1 },
          context: {
            included: ['refunds.md#0'],
            dropped: [],
            usedTokens: 1,
            budgetTokens: 9,
            overflow: false,
          },
        });
        const written = await writeHtmlPage({
          file: path.join(at, 'report.html'),
          title: 'Marks',
          runId: 'run-1',
          sectionsHtml: '',
          results: [flagged],
          baseline: null,
          baselineRunId: null,
          chunkTexts: { text: () => 'Refunds are issued within 30 days of purchase.', available: true },
          ...options,
        });
        const html = await readFile(written.file, 'utf8');
        const encoded =
          /id="evalgate-details" data-encoding="gzip\+base64">([A-Za-z0-9+/=]*)<\/script>/.exec(html)?.[1] ??
          '';
        const details = JSON.parse(
          gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8'),
        ) as unknown[][];
        const extra = details[0].find((x) => typeof x === 'object' && x !== null && 'un' in x) as
          | { un: string[] }
          | undefined;
        return extra?.un ?? [];
      } finally {
        await rm(at, { recursive: true, force: true });
      }
    };
    expect(await marks({})).toEqual(['Refunds are issued within 45 days of purchase.']);
    expect(await marks({ hallucinationThreshold: 0.99 })).toEqual([]);
    expect(await marks({ markUnsupported: false })).toEqual([]);
  });

  it('writes many rows in pieces and the details as one base64 encoding of many gzip chunks', async () => {
    const many = await mkdtemp(path.join(os.tmpdir(), 'evalgate-html-many-'));
    try {
      // Pseudo-random answers so the compressed part spans several gzip chunks whose lengths are
      // not multiples of 3 (the carry between base64 pieces), and the index several 64 KB pieces.
      let seed = 7;
      const word = (): string => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed.toString(36);
      };
      const results = Array.from({ length: 3000 }, (_, i) =>
        caseResult({
          caseId: `c${i}`,
          input: `question ${i} ${word()}`,
          output: `${word()} ${word()} ${word()}`,
        }),
      );
      const written = await writeHtmlPage({
        file: path.join(many, 'report.html'),
        title: 'Many',
        runId: 'run-2',
        sectionsHtml: '',
        results,
        baseline: null,
        baselineRunId: null,
        chunkTexts: { text: () => undefined, available: false },
      });
      const html = await readFile(written.file, 'utf8');
      expect(written.bytes).toBe(Buffer.byteLength(html));
      const block =
        /<script type="application\/json" id="evalgate-cases">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
      expect((JSON.parse(block) as unknown[][]).map((r) => r[0])).toEqual(results.map((r) => r.caseId));
      const encoded =
        /id="evalgate-details" data-encoding="gzip\+base64">([A-Za-z0-9+/=]*)<\/script>/.exec(html)?.[1] ??
        '';
      expect(encoded.length).toBeGreaterThan(3 * 16384);
      expect(encoded.slice(0, -4)).not.toContain('=');
      const details = JSON.parse(gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8')) as unknown[][];
      expect(details.map((d) => d[0])).toEqual(results.map((r) => r.output));
    } finally {
      await rm(many, { recursive: true, force: true });
    }
  });

  it('refers to nothing outside the file', async () => {
    const { html } = await page();
    expect(html).not.toMatch(/\b(src|href|action)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
  });
});

describe('jsonForScript', () => {
  it('round-trips through JSON.parse', () => {
    const value = { a: HOSTILE, b: ['&', '>'] };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });
});
