// End-to-end through the built CLI: `eval` writes charts and report.html into the run folder,
// the second run's page carries the baseline run's answers, `report --html` and
// `compare --html` write their pages, and no API key reaches any of these files.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../testing/index.js';
import { runBuiltCli } from './__fixtures__/run-built-cli.js';
import { createFixtureProject, referenceFor } from './__fixtures__/fixture-project.js';

const CANARY = 'sk-canary-html-0123456789abcdefghijkl';

const runCli = (args: string[], cwd: string) => runBuiltCli(args, cwd, { OPENAI_API_KEY: CANARY });

function detailsOf(html: string): unknown[][] {
  const encoded =
    /id="evalgate-details" data-encoding="gzip\+base64">([A-Za-z0-9+/=]*)</.exec(html)?.[1] ?? '';
  return JSON.parse(gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8')) as unknown[][];
}

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('charts and report.html from the CLI', () => {
  it('writes them per run, pairs the baseline run, rebuilds on demand, and keeps keys out', async () => {
    server = await startFakeOpenAIServer({
      reply: (request) => {
        const prompt = (request.body as { messages: { content: string }[] }).messages
          .map((m) => m.content)
          .join('\n');
        return referenceFor(prompt) ?? 'Sorry.';
      },
    });
    const root = await createFixtureProject({ openaiUrl: server.url });
    expect((await runCli(['eval', '--no-experiment-log'], root)).code).toBe(0);
    expect((await runCli(['baseline', 'accept'], root)).code).toBe(0);
    const second = await runCli(['eval', '--no-experiment-log'], root);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/html: .*report\.html/);

    const runs = (await readdir(path.join(root, 'reports/runs'))).sort();
    const runDir = path.join(root, 'reports/runs', runs[1]);
    const charts = await readdir(path.join(runDir, 'charts'));
    expect(charts).toEqual(
      expect.arrayContaining(['forest-vs-baseline.svg', 'retrieval-recall-at-k.svg', 'latency-cdf.svg']),
    );
    const markdown = await readFile(path.join(runDir, 'model-eval-report.md'), 'utf8');
    for (const chart of charts) expect(markdown).toContain(`](charts/${chart})`);

    const html = await readFile(path.join(runDir, 'report.html'), 'utf8');
    // Every result is a row, and the first run (the baseline) supplies each case's old answer.
    const results = (await readFile(path.join(runDir, 'results.jsonl'), 'utf8')).trim().split('\n');
    const details = detailsOf(html);
    expect(details).toHaveLength(results.length);
    expect(details.filter((d) => d[8] && typeof d[8] === 'object' && 'bo' in d[8]).length).toBe(
      results.length,
    );

    const rebuilt = await runCli(['report', '--html', runs[0]], root);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/html: .*report\.html/);
    const compared = await runCli(['compare', '--html', runs[0], runs[1]], root);
    expect(compared.code).toBe(0);
    const compareFile = path.join(root, 'reports', `compare-${runs[0]}-vs-${runs[1]}.html`);
    expect(await readFile(compareFile, 'utf8')).toContain('Comparison: ');

    for (const file of [
      path.join(runDir, 'report.html'),
      compareFile,
      ...charts.map((c) => path.join(runDir, 'charts', c)),
    ]) {
      expect(await readFile(file, 'utf8')).not.toContain(CANARY);
    }
  });
});
