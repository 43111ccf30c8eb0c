// Pass 1 of the streamed error analysis (analyze-errors-stream.ts): every suite's input lengths,
// one per case, each from the case's last row in analyzeErrors's order (suite, caseId, provider,
// repeat), for the long-input cutoff. A run's results.jsonl is written sorted, so each case's rows
// usually come together: then one length per case is kept as it streams by, and nothing keyed by
// case id (at 100,000 cases a Map of the ids and their strings was ~8 MB, much of it in V8's
// large-object space, at the start of the reports). Results in any other order, or a suite with
// more than one provider, take a second pass that keys the cases by id.
import { type GrowableColumn, int32Column, uint32Column } from '../columns/growable-column.js';
import type { ResultStream } from '../run/result-stream.js';
import { compare } from './error-analysis.js';

/** Suite → its cases' input lengths (in first-seen order). */
export async function caseInputLengths(source: ResultStream): Promise<Map<string, Int32Array>> {
  return (await fromContiguousCases(source)) ?? (await fromKeyedCases(source));
}

/**
 * One pass that keeps the length of each case's row with the highest repeat (the first of equal
 * ones), or null as soon as the rows are not grouped that way: a suite that comes back after
 * another, a second provider in a suite, or case ids out of order (ids that never decrease keep
 * each case's rows together).
 */
async function fromContiguousCases(source: ResultStream): Promise<Map<string, Int32Array> | null> {
  const suites = new Map<string, GrowableColumn<Int32Array>>();
  let column: GrowableColumn<Int32Array> | null = null;
  let suite = '';
  let provider = '';
  let caseId = '';
  let repeat = 0;
  for await (const r of source()) {
    if (column === null || r.suite !== suite) {
      if (suites.has(r.suite)) return null;
      column = int32Column();
      suites.set(r.suite, column);
      suite = r.suite;
      provider = r.provider;
    } else {
      if (r.provider !== provider) return null;
      const order = compare(r.caseId, caseId);
      if (order < 0) return null;
      if (order === 0) {
        if (r.repeat > repeat) {
          column.view()[column.length - 1] = r.input.length;
          repeat = r.repeat;
        }
        continue;
      }
    }
    column.push(r.input.length);
    caseId = r.caseId;
    repeat = r.repeat;
  }
  return new Map([...suites].map(([name, lengths]) => [name, lengths.view()]));
}

/** Any order: each case keyed by id, its length replaced by a later row in analyzeErrors's order. */
async function fromKeyedCases(source: ResultStream): Promise<Map<string, Int32Array>> {
  const suites = new Map<
    string,
    {
      slot: Map<string, number>;
      length: GrowableColumn<Int32Array>;
      provider: GrowableColumn<Uint32Array>;
      repeat: GrowableColumn<Int32Array>;
    }
  >();
  const providers: string[] = [];
  const providerIds = new Map<string, number>();
  for await (const r of source()) {
    let suite = suites.get(r.suite);
    if (!suite) {
      suite = { slot: new Map(), length: int32Column(), provider: uint32Column(), repeat: int32Column() };
      suites.set(r.suite, suite);
    }
    let provider = providerIds.get(r.provider);
    if (provider === undefined) {
      provider = providers.length;
      providers.push(r.provider);
      providerIds.set(r.provider, provider);
    }
    const slot = suite.slot.get(r.caseId);
    if (slot === undefined) {
      suite.slot.set(r.caseId, suite.length.length);
      suite.length.push(r.input.length);
      suite.provider.push(provider);
      suite.repeat.push(r.repeat);
      continue;
    }
    const seenProvider = suite.provider.view()[slot];
    if (
      compare(r.provider, providers[seenProvider]) > 0 ||
      (provider === seenProvider && r.repeat > suite.repeat.view()[slot])
    ) {
      suite.length.view()[slot] = r.input.length;
      suite.provider.view()[slot] = provider;
      suite.repeat.view()[slot] = r.repeat;
    }
  }
  return new Map([...suites].map(([name, suite]) => [name, suite.length.view()]));
}
