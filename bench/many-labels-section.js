// The `labels` section of `npm run bench` (issue 12, many labels): the statistics phase of a
// classify suite for 77 labels × 3,000 cases (target < 2 s) and 150 labels × 20,000 cases
// (target < 10 s), each in a child process running bench/many-labels-bench.js on a multinomial-
// logit model that is right two times in three, and again on chance-level scores (`--model
// chance`, the worst case: positives all along every label's order, nothing to skip). Reports
// wall and CPU time (CPU is what a busy machine does not inflate), and the gate's paired
// comparison on the same cases beside it.
import path from 'node:path';
import { REPO_ROOT, runNodeChecked } from './child-processes.js';

const SIZES = [
  { labels: 77, cases: 3000, targetMs: 2000, model: 'logit' },
  { labels: 77, cases: 3000, targetMs: 2000, model: 'chance' },
  { labels: 150, cases: 20000, targetMs: 10000, model: 'logit' },
  { labels: 150, cases: 20000, targetMs: 10000, model: 'chance' },
];

export async function benchManyLabels({ row, header, details }) {
  header('Many labels: statistics phase of a classify suite (2,000 resamples)');
  details.manyLabels = [];
  for (const size of SIZES) {
    const out = await runNodeChecked(
      [
        path.join(REPO_ROOT, 'bench', 'many-labels-bench.js'),
        '--labels',
        String(size.labels),
        '--cases',
        String(size.cases),
        '--model',
        size.model,
      ],
      { timeoutMs: 900_000 },
    );
    const result = JSON.parse(out.stdout.trim().split('\n').at(-1));
    details.manyLabels.push(result);
    row(
      `${size.labels} labels x ${size.cases} cases, ${size.model === 'chance' ? 'chance (worst)' : 'logit'}: wall (CPU)`,
      `${(result.ms / 1000).toFixed(2)} s (${(result.cpuMs / 1000).toFixed(2)} s)`,
      `< ${size.targetMs / 1000} s`,
      result.ms < size.targetMs,
      result.ms,
    );
    row(
      `  gate paired comparison, ${size.cases} cases: wall (CPU)`,
      `${(result.gateMs / 1000).toFixed(2)} s (${(result.gateCpuMs / 1000).toFixed(2)} s)`,
      'no target (label-free)',
      null,
      result.gateMs,
    );
  }
}
