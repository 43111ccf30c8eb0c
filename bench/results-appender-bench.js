// What crash safety costs: 100,000 result lines written by 8 concurrent workers, each awaiting
// its write (as the runner does), with the group-commit appender (src/run/results-appender.ts)
// and with the older fire-and-forget 64-line batch writer. Prints CPU and wall per writer, two
// runs each. Run after `npm run build`: `node bench/results-appender-bench.js`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openResultsAppender } from '../dist/run/results-appender.js';
import { openResultsWriter } from '../dist/run/run-folder.js';

const N = 100_000;
const WORKERS = 8;
const result = (i) => ({
  suite: 'qa',
  task: 'rag-qa',
  caseId: `c${i}`,
  baseId: `c${i}`,
  provider: 'openai/gpt-4o-mini',
  repeat: 0,
  output: 'The answer is forty-two, as the context says.',
  scores: { 'answer.f1': 0.5, 'answer.em': 0 },
  tags: ['a'],
  latencyMs: 1.2,
  cached: false,
  attempts: 1,
});

async function run(kind) {
  const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-appender-bench-'));
  const writer = kind === 'appender' ? await openResultsAppender(dir) : await openResultsWriter(dir);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < N) {
        const i = next++;
        await Promise.resolve(); // a case's own work yields at least once
        await writer.write(result(i));
      }
    }),
  );
  await writer.close();
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${kind.padEnd(8)} ${N} results: wall ${Math.round(performance.now() - t0)} ms, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms`,
  );
  await rm(dir, { recursive: true, force: true });
}

for (const kind of ['writer', 'appender', 'writer', 'appender']) await run(kind);
