// Folds one case's assertion verdicts into its metrics: `assert.<type>` is 1 when every
// assertion of that type passed, 0 when one failed, null when none of them could be assessed;
// `assert.pass` is the same over all of them (a failure decides it even if another was not
// assessed; otherwise a not-assessed one leaves it null); `assert.score` is the weighted share
// of the assessed assertions that passed (promptfoo's score).
import type { Assertion } from './assertion-schema.js';
import type { AssertionVerdict } from './check-assertion.js';

export interface AssertionScores {
  scores: Record<string, number | null>;
  notes: Record<string, string>;
  /** null when nothing could be assessed. */
  passed: boolean | null;
}

export function scoreAssertions(
  assertions: readonly Assertion[],
  verdicts: readonly AssertionVerdict[],
): AssertionScores {
  const scores: Record<string, number | null> = {};
  const notes: Record<string, string> = {};
  const byType = new Map<string, AssertionVerdict[]>();
  assertions.forEach((a, i) => {
    const list = byType.get(a.type) ?? [];
    list.push(verdicts[i]);
    byType.set(a.type, list);
    if (verdicts[i].pass !== true && verdicts[i].reason) {
      const key = `assert.${a.type}`;
      notes[key] = notes[key] ? `${notes[key]}; ${verdicts[i].reason}` : verdicts[i].reason!;
    }
  });
  for (const [type, list] of byType) scores[`assert.${type}`] = allPass(list);
  const overall = allPass(verdicts);
  scores['assert.pass'] = overall;
  let weight = 0;
  let passedWeight = 0;
  assertions.forEach((a, i) => {
    if (verdicts[i].pass === null) return;
    weight += a.weight;
    if (verdicts[i].pass) passedWeight += a.weight;
  });
  scores['assert.score'] = weight > 0 ? passedWeight / weight : null;
  return { scores, notes, passed: overall === null ? null : overall === 1 };
}

function allPass(verdicts: readonly AssertionVerdict[]): number | null {
  if (verdicts.some((v) => v.pass === false)) return 0;
  if (verdicts.some((v) => v.pass === null)) return null;
  return verdicts.length > 0 ? 1 : null;
}
