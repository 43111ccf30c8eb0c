// The sample project's report.html in headless Chromium: it loads without console errors or
// any request, its charts render, filtering and sorting change the rows, and the drill-down
// shows the case with its chunks; the compare page shows run A's answer beside run B's.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../pipeline/evaluate.js';
import type { CaseResult } from '../../run/types.js';
import { writeReports } from '../../reporters/write-reports.js';
import { statusOf } from '../page-data.js';
import { writeCompareHtmlReport } from '../write-compare-html-report.js';
import { type Browser, launchBrowser } from './browser-harness.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CONFIG = path.join(ROOT, 'eval/evalgate.yaml');
const SCREENSHOTS = path.join(ROOT, '.evalgate/screenshots');

let out = '';
let browser: Browser;
let html = '';
let compareHtml = '';
let results: CaseResult[] = [];
let changedCase: CaseResult;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'evalgate-browser-'));
  const outcome = await evaluate({ configPath: CONFIG, env: {}, reportsDir: out });
  results = outcome.results;
  const written = await writeReports({
    record: outcome.record,
    results,
    runDir: outcome.runDir,
    reportsDir: outcome.reportsDir,
    experimentLog: null,
    gateMargins: outcome.gateMargins,
    indexDir: outcome.indexDir,
  });
  html = written.html;
  // Run A: the same run with one answer changed and its F1 raised, so B regressed on it.
  const runA = path.join(out, 'runs', 'run-a');
  await mkdir(runA, { recursive: true });
  changedCase = results.find(
    (r) => r.suite === 'support-qa' && r.output && (r.scores['answer.f1'] ?? 1) < 0.5,
  ) as CaseResult;
  const a = results.map((r) =>
    r === changedCase
      ? { ...r, output: 'RUN-A ANSWER for this case', scores: { ...r.scores, 'answer.f1': 0.99 } }
      : r,
  );
  await writeFile(path.join(runA, 'results.jsonl'), a.map((r) => JSON.stringify(r)).join('\n'));
  compareHtml = await writeCompareHtmlReport({
    dirA: runA,
    dirB: outcome.runDir,
    comparisons: [],
    confidence: 0.95,
    indexDir: outcome.indexDir,
    file: path.join(out, 'compare.html'),
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

describe('report.html of the sample project', () => {
  it('loads offline: no console errors, no requests, every case in the page', async () => {
    const { page, consoleErrors, requests, dialogs, readyMs } = await browser.open(html);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(readyMs).toBeLessThan(10_000);
    expect(await page.textContent('.count')).toBe(`${results.length} of ${results.length} cases`);
    // Lazy rows: far fewer rows in the DOM than cases.
    expect(await page.locator('.viewport .row').count()).toBeLessThan(60);
    await page.close();
  });

  it('renders the charts inline with a visible size', async () => {
    const { page } = await browser.open(html);
    const sizes = await page.$$eval('#report figure svg', (svgs) =>
      svgs.map((s) => {
        const box = s.getBoundingClientRect();
        return [box.width, box.height, s.querySelectorAll('path, line, rect, text').length];
      }),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    for (const [w, h, marks] of sizes) {
      expect(w).toBeGreaterThan(100);
      expect(h).toBeGreaterThan(50);
      expect(marks).toBeGreaterThan(10);
    }
    const headings = await page.$$eval('#report h2', (hs) => hs.map((h) => h.textContent));
    expect(headings).toEqual(
      expect.arrayContaining(['Model Summary', 'Performance Metrics', 'Recommendation']),
    );
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-top.png') });
    await page.close();
  });

  it('filters by result, suite and text, and sorts by a column', async () => {
    const { page } = await browser.open(html);
    const fails = results.filter((r) => statusOf(r) === 'fail').length;
    await page.selectOption('select[name=status]', 'fail');
    expect(await page.textContent('.count')).toBe(`${fails} of ${results.length} cases`);
    const statuses = await page.$$eval('.viewport .row .c-status', (cells) =>
      cells.map((c) => c.textContent),
    );
    expect(new Set(statuses)).toEqual(new Set(['fail']));
    await page.selectOption('select[name=status]', '');
    await page.selectOption('select[name=suite]', { label: 'intent' });
    const intent = results.filter((r) => r.suite === 'intent').length;
    expect(await page.textContent('.count')).toBe(`${intent} of ${results.length} cases`);
    await page.selectOption('select[name=suite]', '');
    await page.fill('input[name=q]', changedCase.caseId);
    const shown = await page.$$eval('.viewport .row .c-id', (cells) => cells.map((c) => c.textContent));
    expect(shown).toContain(changedCase.caseId);
    await page.fill('input[name=q]', '');
    // Metric range: answer.f1 of at least 0.5 (the page keeps three decimals).
    await page.selectOption('select[name=metric]', { label: 'answer.f1' });
    await page.fill('input[name=min]', '0.5');
    const f1 = results.filter((r) => {
      const v = r.scores['answer.f1'];
      return v !== null && v !== undefined && Math.round(v * 1000) / 1000 >= 0.5;
    }).length;
    expect(f1).toBeGreaterThan(0);
    expect(await page.textContent('.count')).toBe(`${f1} of ${results.length} cases`);
    await page.fill('input[name=min]', '');
    await page.click('button[data-sort=latency]');
    await page.click('button[data-sort=latency]');
    const first = await page.textContent('.viewport .row .c-latency');
    const slowest = Math.max(...results.map((r) => r.latencyMs ?? 0));
    expect(Number(first)).toBeCloseTo(slowest, 0);
    await page.close();
  });

  it('drills down into a case: question, answer, scores and retrieved chunks with text', async () => {
    const { page } = await browser.open(html);
    await page.fill('input[name=q]', changedCase.caseId);
    await page.click(`.viewport .row:has(.c-id:text-is("${changedCase.caseId}"))`);
    const detail = page.locator('#case-detail');
    await expect.poll(() => detail.locator('h3').textContent()).toContain(changedCase.caseId);
    expect(await detail.locator('.question').textContent()).toBe(changedCase.input);
    const chunkItems = detail.locator('ol.chunks li');
    expect(await chunkItems.count()).toBe(changedCase.retrieval?.chunks.length);
    const relevantDocs = Object.entries(changedCase.relevantDocs ?? {})
      .filter(([, g]) => g > 0)
      .map(([d]) => d);
    const relevantRetrieved =
      changedCase.retrieval?.chunks.filter((c) => relevantDocs.includes(c.docId)).length ?? 0;
    expect(await detail.locator('.badge.relevant').count()).toBe(relevantRetrieved);
    expect((await detail.locator('.chunk-text').first().textContent())?.length).toBeGreaterThan(40);
    expect(await detail.locator('table.scores tbody tr').count()).toBe(
      Object.keys(changedCase.scores).length,
    );
    await mkdir(SCREENSHOTS, { recursive: true });
    await detail.screenshot({ path: path.join(SCREENSHOTS, 'report-drilldown.png') });
    await page.close();
  });
});

describe('compare.html', () => {
  it("shows run A's answer beside run B's and finds the regressed case", async () => {
    const { page, consoleErrors, requests } = await browser.open(compareHtml);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    await page.selectOption('select[name=change]', 'regressed');
    expect(await page.textContent('.count')).toBe(`1 of ${results.length} cases`);
    await page.click('.viewport .row');
    const sides = page.locator('#case-detail .side-by-side .answer');
    await expect.poll(() => sides.nth(1).textContent()).toBe('RUN-A ANSWER for this case');
    expect(await page.locator('#case-detail td.worse').count()).toBeGreaterThan(0);
    await page.close();
  });
});
