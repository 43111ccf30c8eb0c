// Support for `--repeat n`: repeats of one case are not independent evidence, so they are
// averaged per case before any interval (clustering by case), and disagreement between
// repeats is reported as flakiness instead of being averaged away silently.

export interface RepeatValue {
  caseId: string;
  /** null when the metric does not apply to this repeat; such repeats are skipped. */
  value: number | null;
}

/** Mean value per case over its applicable repeats, in first-seen case order. */
export function perCaseMeans(rows: readonly RepeatValue[]): Map<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const { caseId, value } of rows) {
    if (value === null) continue;
    const entry = sums.get(caseId);
    if (entry) {
      entry.sum += value;
      entry.count++;
    } else {
      sums.set(caseId, { sum: value, count: 1 });
    }
  }
  const means = new Map<string, number>();
  for (const [caseId, { sum, count }] of sums) means.set(caseId, sum / count);
  return means;
}

export interface RepeatOutcome {
  caseId: string;
  pass: boolean;
}

export interface FlakyCase {
  caseId: string;
  passes: number;
  runs: number;
}

export interface Flakiness {
  /** Cases that both passed and failed across their repeats, in first-seen order. */
  flaky: FlakyCase[];
  /** Cases run at least twice: only those can show flakiness. */
  repeatedCases: number;
  /** flaky / repeatedCases; null when no case was repeated. */
  share: number | null;
}

export function flakiness(rows: readonly RepeatOutcome[]): Flakiness {
  const tallies = new Map<string, { passes: number; runs: number }>();
  for (const { caseId, pass } of rows) {
    const entry = tallies.get(caseId) ?? { passes: 0, runs: 0 };
    entry.runs++;
    if (pass) entry.passes++;
    tallies.set(caseId, entry);
  }
  const flaky: FlakyCase[] = [];
  let repeatedCases = 0;
  for (const [caseId, { passes, runs }] of tallies) {
    if (runs < 2) continue;
    repeatedCases++;
    if (passes > 0 && passes < runs) flaky.push({ caseId, passes, runs });
  }
  return { flaky, repeatedCases, share: repeatedCases > 0 ? flaky.length / repeatedCases : null };
}
