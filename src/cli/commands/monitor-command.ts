// `evalgate monitor --log <files...> [--since]`: compares the inference log with the accepted
// baseline's reference distributions, writes reports/monitoring.md, and exits 1 on any alert.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { monitorSettings } from '../../config/monitor-schema.js';
import { readInferenceLogs, parseSince } from '../../monitor/read-inference-logs.js';
import { renderMonitoringReport } from '../../monitor/monitoring-report.js';
import { runMonitor } from '../../monitor/run-monitor.js';
import { serveSettings } from '../../config/serve-schema.js';
import { createInputHasher, inputHashKey } from '../../serve/input-hash.js';
import { readServingReference } from '../../serve/read-serving-reference.js';
import { readFeedback } from '../../feedback/import-feedback.js';
import { readBaseline } from '../../run/baseline.js';
import { loadProject } from './load-project.js';

export async function monitorCommand(options: {
  config: string;
  log: string[];
  since?: string;
  out?: string;
  feedback?: string;
}): Promise<number> {
  const { loaded, reportsDir } = await loadProject(options.config);
  const now = Date.now();
  const since = options.since === undefined ? undefined : parseSince(options.since, now);
  const records = await readInferenceLogs(options.log);
  const baselineFile = loaded.config.gate.baseline;
  const baselinePath = path.resolve(loaded.root, baselineFile);
  const { reference, runId } = await readServingReference(baselinePath, baselineFile);
  const baseline = options.feedback ? await readBaseline(baselinePath, baselineFile) : null;
  const serve = serveSettings(loaded.config.serve);
  const feedback = options.feedback
    ? {
        hashInput: createInputHasher(inputHashKey(process.env, serve.input_hash_key_env)),
        lines: (await readFeedback(options.feedback)).map((l) => l.value),
        evalF1: (suite: string, model: string) =>
          baseline?.summary.find((s) => s.suite === suite && s.provider === model)?.metrics[
            'classification.macro_f1'
          ] ?? null,
      }
    : undefined;
  const settings = monitorSettings(loaded.config.monitor);
  const outcome = runMonitor({ records, reference, settings, since, now, feedback });
  const out = path.resolve(options.out ?? path.join(reportsDir, 'monitoring.md'));
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(
    out,
    renderMonitoringReport({
      outcome,
      logFiles: options.log,
      baselineRun: reference ? runId : null,
      generatedAt: new Date(now).toISOString(),
    }),
  );
  for (const r of outcome.rows.filter((row) => row.verdict === 'alert'))
    process.stdout.write(`ALERT ${r.suite} · ${r.signal}: ${r.value} (${r.threshold})\n`);
  process.stdout.write(
    `monitor: ${outcome.window.requests} requests, ${outcome.alerts} alert${outcome.alerts === 1 ? '' : 's'}, ${outcome.rows.filter((r) => r.verdict === 'not assessed').length} not assessed → ${path.relative(process.cwd(), out)}\n`,
  );
  return outcome.alerts > 0 ? 1 : 0;
}
