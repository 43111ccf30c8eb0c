// `evalgate history [--metric m]`: runs over time from the run folders and the experiment log,
// oldest first, with the metric's value per suite × provider.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Table from 'cli-table3';
import { readRunHistory } from '../../charts/read-run-history.js';
import { listHistory, parseExperimentLog } from '../../history/list-history.js';
import { formatMetric, formatTimestamp } from '../../reporters/format-value.js';
import { runsDir } from '../../run/run-folder.js';
import { loadProject } from './load-project.js';

export async function historyCommand(options: {
  config: string;
  metric?: string;
  limit: number;
}): Promise<number> {
  const { loaded, reportsDir } = await loadProject(options.config);
  const records = await readRunHistory(runsDir(reportsDir), undefined, options.limit);
  const logText = await readFile(path.resolve(loaded.root, loaded.config.experiments_log), 'utf8').catch(
    () => null,
  );
  const { columns, rows } = listHistory({
    records,
    log: parseExperimentLog(logText),
    metric: options.metric,
  });
  if (rows.length === 0) {
    process.stdout.write('No runs yet (reports/runs is empty) and no experiment log entries.\n');
    return 0;
  }
  const color = process.stdout.isTTY === true;
  const table = new Table({
    head: [
      'started',
      'run',
      'experiment',
      'what',
      'gate',
      ...columns.map((c) => `${c.suite}\n${c.provider}`),
    ],
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  for (const row of rows)
    table.push([
      row.runId ? formatTimestamp(row.when) : row.when,
      row.runId ?? '—',
      row.experiment
        ? `${String(row.experiment.number).padStart(3, '0')}: ${shorten(row.experiment.title, 40)}`
        : '',
      shorten(row.what, 50),
      row.gate ?? '',
      ...row.values.map((v) => (v === null ? '' : formatMetric(options.metric!, v))),
    ]);
  const hint = options.metric
    ? columns.length === 0
      ? `\nNo run measured ${options.metric}.`
      : `\n${options.metric} per suite × provider.`
    : '\nAdd --metric <id> (e.g. answer.f1) for its value in each run.';
  process.stdout.write(`${table.toString()}${hint}\nThe newest ${options.limit} rows at most (--limit).\n`);
  return 0;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
