// The XSS corpus in headless Chromium: every payload is put into every place a case can carry
// text (id, question, answer, expected answer, tags, citation markers, chunk texts, the
// report's markdown, raw and escaped), each case is opened in the drill-down, and nothing may
// run: no dialog, no `window.__pwned`, no request, no console error (a CSP violation would log
// one, so escaping, not just the policy, has to hold), and the text must still be shown.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseResult } from '../../analysis/__fixtures__/case-result.js';
import { escapeMarkdown } from '../../reporters/markdown-table.js';
import type { CaseResult } from '../../run/types.js';
import { writeHtmlPage } from '../html-page-writer.js';
import { markdownToHtml } from '../markdown-to-html.js';
import { type Browser, launchBrowser } from './browser-harness.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

let out = '';
let browser: Browser;
let file = '';
let results: CaseResult[] = [];

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'evalgate-xss-'));
  const chunkText = new Map<string, string>();
  results = XSS_PAYLOADS.map((payload, i) => {
    const chunkId = `doc-${i}.md#0`;
    chunkText.set(chunkId, `Passage ${i}: ${payload}`);
    return caseResult({
      caseId: `case-${i}-${payload}`,
      input: `Question ${i}: ${payload}`,
      output: `Answer ${i}: ${payload} [${chunkId}] [javascript:alert(${i})#0]`,
      references: [payload],
      tags: [payload, `tag-${i}`],
      attribution: i % 2 === 0 ? 'pass' : 'generation-error',
      scores: { 'answer.f1': i / XSS_PAYLOADS.length, 'hallucination.rate': 1 },
      notes: { 'answer.f1': payload },
      relevantDocs: { [`doc-${i}.md`]: 1 },
      retrieval: { chunks: [{ id: chunkId, docId: `doc-${i}.md`, score: 1 }], docs: [`doc-${i}.md`] },
      context: {
        included: [chunkId],
        dropped: [`dropped-${i}.md#1`],
        usedTokens: 5,
        budgetTokens: 5,
        overflow: true,
      },
    });
  });
  // One ordinary case with a made-up sentence and a citation, for the highlight and the link.
  chunkText.set(
    'billing/refunds.md#0',
    'Refunds are issued to the original payment method within 5 business days of approval.',
  );
  const grounded = caseResult({
    caseId: 'refund-case',
    input: 'How long do refunds take?',
    output:
      'Refunds are issued to the original payment method within 5 business days [billing/refunds.md#0]. Every refund also includes a free year of the Enterprise plan.',
    scores: { 'hallucination.rate': 1 },
    retrieval: {
      chunks: [{ id: 'billing/refunds.md#0', docId: 'billing/refunds.md', score: 1 }],
      docs: ['billing/refunds.md'],
    },
    context: {
      included: ['billing/refunds.md#0'],
      dropped: [],
      usedTokens: 20,
      budgetTokens: 900,
      overflow: false,
    },
  });
  const baseline = results.map((r) => ({
    ...r,
    output: `Baseline: ${r.output}`,
    scores: { 'answer.f1': 0.5 },
  }));
  const markdown = [
    `# Report ${escapeMarkdown(XSS_PAYLOADS[0])}`,
    '## Performance Metrics',
    ...XSS_PAYLOADS.flatMap((p) => [`- escaped: ${escapeMarkdown(p)}`, `- raw: ${p}`]),
    '',
    '| a | b |',
    '| --- | --- |',
    ...XSS_PAYLOADS.map((p) => `| ${escapeMarkdown(p)} | ${p} |`),
  ].join('\n');
  const written = await writeHtmlPage({
    file: path.join(out, 'report.html'),
    title: `XSS ${XSS_PAYLOADS[1]}`,
    runId: XSS_PAYLOADS[2],
    sectionsHtml: markdownToHtml(markdown, { image: () => null }),
    results: [...results, grounded],
    baseline,
    baselineRunId: 'base',
    chunkTexts: { text: (id) => chunkText.get(id), available: true },
    notes: XSS_PAYLOADS.slice(0, 3),
  });
  file = written.file;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

describe('the drill-down of an ordinary case', () => {
  it('highlights the unsupported sentence and links the citation to its chunk', async () => {
    const { page, consoleErrors } = await browser.open(file);
    await page.fill('input[name=q]', 'refund-case');
    await page.click('.viewport .row');
    const mark = page.locator('#case-detail .answer mark.unsupported').first();
    await expect
      .poll(() => mark.textContent())
      .toBe('Every refund also includes a free year of the Enterprise plan.');
    const cite = page.locator('#case-detail .answer a.cite').first();
    expect(await cite.textContent()).toBe('billing/refunds.md#0');
    const target = (await cite.getAttribute('href')) ?? '';
    expect(await page.locator(`${target} .chunk-text`).textContent()).toContain('within 5 business days');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('the XSS corpus', () => {
  it('has at least 20 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(20);
  });

  it('runs nothing anywhere in the page, and shows every payload as text', async () => {
    const { page, consoleErrors, requests, dialogs } = await browser.open(file);
    // Open every case so its answer, chunks and baseline are in the DOM, and use each filter.
    for (let i = 0; i < results.length; i++) {
      await page.fill('input[name=q]', `case-${i}-`);
      await page.click('.viewport .row');
      await page.waitForFunction(
        (id) => document.querySelector('#case-detail h3')?.textContent?.startsWith(id),
        `case-${i}-`,
      );
      const detail = (await page.textContent('#case-detail')) ?? '';
      expect(detail).toContain(`Question ${i}: ${XSS_PAYLOADS[i]}`);
      expect(detail).toContain(`Passage ${i}: ${XSS_PAYLOADS[i]}`);
      await page.hover('#case-detail .answer');
    }
    await page.fill('input[name=q]', '');
    for (const value of await page.$$eval('select[name=tag] option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    )) {
      await page.selectOption('select[name=tag]', value);
    }
    await page.click('#case-detail a.cite');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // No element or attribute the payloads try to create exists outside the page's own markup.
    const planted = await page.evaluate(() => ({
      scripts: document.querySelectorAll(
        'script:not([type="application/json"]):not([type="application/octet-stream"])',
      ).length,
      handlers: [...document.querySelectorAll('*')].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith('on')),
      ).length,
      jsLinks: [...document.querySelectorAll('[href], [src], [data], [action]')].filter((e) =>
        /^(javascript|data):/i.test(
          e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('data') ?? '',
        ),
      ).length,
      foreign: document.querySelectorAll(
        'iframe, object, embed, base, link, meta[http-equiv=refresh], math, details, input[autofocus]',
      ).length,
    }));
    expect(planted).toEqual({ scripts: 1, handlers: 0, jsLinks: 0, foreign: 0 });
    const sections = (await page.textContent('#report')) ?? '';
    for (const payload of XSS_PAYLOADS)
      expect(sections).toContain(
        payload
          .replace(/\u2028|\u2029/g, '')
          .trim()
          .slice(0, 12),
      );
    await page.close();
  });
});
