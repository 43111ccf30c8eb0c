// Renders reports/monitoring.md from the monitor's rows: the window, then one table row per
// signal with its value, threshold, test and verdict. It renders; it computes nothing.
import type { MonitorOutcome } from './run-monitor.js';

export function renderMonitoringReport(options: {
  outcome: MonitorOutcome;
  logFiles: readonly string[];
  baselineRun: string | null;
  generatedAt: string;
}): string {
  const { outcome } = options;
  const { window } = outcome;
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const verdict = (v: string) => (v === 'alert' ? '**ALERT**' : v === 'pass' ? 'pass' : 'not assessed');
  const lines = [
    '# Monitoring report',
    '',
    `**Window:** ${window.from ?? '—'} → ${window.to ?? '—'} · ${window.requests} requests`,
    `**Logs:** ${options.logFiles.join(', ')}`,
    `**Reference:** ${options.baselineRun ? `accepted baseline run ${options.baselineRun}` : 'no accepted baseline with a serving section'}`,
    `**Generated:** ${options.generatedAt}`,
    `**Verdict:** ${outcome.alerts > 0 ? `${outcome.alerts} alert${outcome.alerts === 1 ? '' : 's'}` : 'no alerts'}`,
    '',
    '| Suite | Signal | Value | Threshold | Test | Effect sizes | Pass? |',
    '|---|---|---|---|---|---|---|',
    ...outcome.rows.map(
      (r) =>
        `| ${cell(r.suite)} | ${cell(r.signal)} | ${cell(r.value)} | ${cell(r.threshold)} | ${cell(r.test)} | ${cell(r.effects || '—')} | ${verdict(r.verdict)} |`,
    ),
    '',
    'An alert needs both: the test, whose null is fitted to this window size, rejects at the stated α, and the effect is above its floor. Effect sizes are shown to size a shift, not to decide it. "not assessed" means the check did not run (too few requests, or no reference), never that it passed. Definitions: docs/monitoring.md.',
    '',
  ];
  return lines.join('\n');
}
