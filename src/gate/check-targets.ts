// Absolute targets from the config (`targets: { suite: { metric: ">= 0.55" } }`), checked per
// provider. A target naming a metric the suite did not produce fails: a typo must not pass.
import type { SuiteSummary, TargetCheck } from '../run/types.js';

export function parseTarget(expression: string): { op: '>=' | '<='; target: number } {
  const m = /^\s*(>=|<=)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(expression);
  if (!m) throw new Error(`invalid target expression "${expression}"`);
  return { op: m[1] as '>=' | '<=', target: Number(m[2]) };
}

export function checkTargets(
  summaries: readonly SuiteSummary[],
  targets: Record<string, Record<string, string>>,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const summary of summaries) {
    const suiteTargets = targets[summary.suite];
    if (!suiteTargets) continue;
    for (const [metric, expression] of Object.entries(suiteTargets)) {
      const { op, target } = parseTarget(expression);
      const achieved = summary.metrics[metric]?.value ?? null;
      const pass = achieved !== null && (op === '>=' ? achieved >= target : achieved <= target);
      checks.push({ suite: summary.suite, provider: summary.provider, metric, op, target, achieved, pass });
    }
  }
  return checks;
}
