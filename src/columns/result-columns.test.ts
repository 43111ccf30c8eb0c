import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { InputError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { sortResults } from '../pipeline/evaluate.js';
import type { CaseResult } from '../run/types.js';
import { readRunColumns } from './read-run-columns.js';
import { aggregateRow, scoreRows } from './column-rows.js';
import { columnGroups, columnsFromResults } from './result-columns.js';

/** A mixed bag of rows: several suites and providers, repeats, nulls, errors, variants, mcq. */
function sampleResults(count: number, seed = 7): CaseResult[] {
  const rng = createRng(seed);
  const out: CaseResult[] = [];
  for (let i = 0; i < count; i++) {
    const suite = ['qa', 'intent', 'bbq'][rng.int(3)];
    const caseId = `c${rng.int(count)}`;
    out.push(
      caseResult({
        suite,
        task: suite === 'intent' ? 'classify' : suite === 'bbq' ? 'mcq' : 'rag-qa',
        caseId,
        baseId: caseId.replace(/\[.*$/, ''),
        provider: ['b/model', 'a/model'][rng.int(2)],
        repeat: rng.int(3),
        costUsd: rng.next() < 0.2 ? null : rng.next() / 100,
        latencyMs: rng.next() < 0.1 ? null : Math.round(rng.next() * 500),
        ...(rng.next() < 0.3 ? { firstTokenMs: 12 } : {}),
        attribution: rng.next() < 0.1 ? null : rng.next() < 0.7 ? 'pass' : 'generation-error',
        scores: {
          'answer.f1': rng.next() < 0.2 ? null : rng.next(),
          ...(i % 3 ? { 'judge.rubric': rng.int(5) } : {}),
        },
        tags: rng.next() < 0.5 ? ['billing', `segment:${['smb', 'ent'][rng.int(2)]}`] : [],
        usage: { inputTokens: rng.int(100), outputTokens: rng.int(50), estimated: rng.next() < 0.5 },
        ...(suite === 'intent'
          ? {
              label: ['a', 'b', 'c'][rng.int(3)],
              predicted: rng.next() < 0.1 ? null : ['a', 'b', 'zzz'][rng.int(3)],
              confidence: rng.next(),
              labelProbabilities: { a: rng.next(), b: rng.next() },
            }
          : {}),
        ...(rng.next() < 0.1
          ? { variant: { attribute: 'name', group: 'g1' }, output: 'variant answer' }
          : {}),
        ...(rng.next() < 0.05 ? { error: { code: 'HTTP_500', message: 'boom' }, output: null } : {}),
        ...(suite === 'bbq'
          ? {
              mcq: {
                options: ['x', 'y', 'unknown'],
                chosen: rng.next() < 0.2 ? null : rng.int(3),
                correct: 0,
                biased: 1,
                unknown: 2,
                condition: rng.next() < 0.5 ? ('ambiguous' as const) : ('disambiguated' as const),
                ...(rng.next() < 0.5 ? { category: 'age' } : {}),
              },
            }
          : {}),
      }),
    );
  }
  // Keys must be unique per row, as in a real run.
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.suite}/${r.provider}/${r.caseId}/${r.repeat}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What an aggregate row should hold: the result without texts (answers only on variants). */
function expectedRow(r: CaseResult): Record<string, unknown> {
  const { input, output, usage, attempts, references, notes, ...rest } = r;
  void input;
  void usage;
  void attempts;
  void references;
  void notes;
  const row: Record<string, unknown> = { ...rest };
  if (r.variant) row.output = output;
  if (r.mcq) {
    const { options, ...mcq } = r.mcq;
    void options;
    row.mcq = mcq;
  }
  return row;
}

describe('result columns', () => {
  it('sort rows into the order of sortResults and give every field back', () => {
    const results = sampleResults(400);
    const shuffled = [...results].sort(() => 0).reverse();
    const columns = columnsFromResults(shuffled);
    const sorted = sortResults(results);
    expect(columns.n).toBe(sorted.length);
    sorted.forEach((r, i) => {
      expect(aggregateRow(columns, i)).toEqual(expectedRow(r));
    });
    expect([...scoreRows(columns)].map((r) => r.scores)).toEqual(sorted.map((r) => r.scores));
    // With a metric filter: only the accepted metrics, and only rows that have one.
    const judged = sorted.filter((r) => 'judge.rubric' in r.scores);
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.length).toBeLessThan(sorted.length);
    expect([...scoreRows(columns, (m) => m.startsWith('judge.'))]).toEqual(
      judged.map((r) => ({
        suite: r.suite,
        provider: r.provider,
        caseId: r.caseId,
        repeat: r.repeat,
        scores: { 'judge.rubric': r.scores['judge.rubric'] },
      })),
    );
  });

  it('keep the given order with sort: false, and only group suites × providers with sort: group', () => {
    const results = sampleResults(200, 3);
    const kept = columnsFromResults(results, { sort: false });
    results.forEach((r, i) => {
      expect(kept.strings.value(kept.caseId[i])).toBe(r.caseId);
    });
    const grouped = columnsFromResults(results, { sort: 'group' });
    const groups = columnGroups(grouped);
    expect(new Set(groups.map((g) => `${g.suite}/${g.provider}`)).size).toBe(groups.length);
    for (const g of groups) {
      const inGroup = results.filter((r) => r.suite === g.suite && r.provider === g.provider);
      expect(
        Array.from({ length: g.end - g.start }, (_, k) => grouped.strings.value(grouped.caseId[g.start + k])),
      ).toEqual(inGroup.map((r) => r.caseId));
    }
  });
});

describe('readRunColumns', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('rewrites a completion-order results.jsonl byte for byte in the stable order', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'evalgate-columns-'));
    const results = sampleResults(300, 11);
    const shuffled = [...results];
    const rng = createRng(5);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    // A blank line and a non-ASCII answer: offsets are bytes, not characters.
    shuffled[0] = { ...shuffled[0], output: 'réponse ünïcode 答え' };
    const lines = shuffled.map((r) => JSON.stringify(r));
    await writeFile(
      path.join(dir, 'results.jsonl'),
      `${lines.slice(0, 5).join('\n')}\n\n${lines.slice(5).join('\n')}\n`,
    );
    const columns = await readRunColumns(dir, { sortFile: true });
    const expected = sortResults(shuffled)
      .map((r) => `${JSON.stringify(r)}\n`)
      .join('');
    expect(await readFile(path.join(dir, 'results.jsonl'), 'utf8')).toBe(expected);
    // The offsets now point into the rewritten file.
    const bytes = Buffer.from(expected, 'utf8');
    for (const i of [0, 17, columns.n - 1]) {
      const line = bytes
        .subarray(columns.lineOffset[i], columns.lineOffset[i] + columns.lineLength[i])
        .toString();
      expect(JSON.parse(line).caseId).toBe(columns.strings.value(columns.caseId[i]));
    }
    // Reading the sorted file again changes nothing.
    await readRunColumns(dir, { sortFile: true });
    expect(await readFile(path.join(dir, 'results.jsonl'), 'utf8')).toBe(expected);
    // The rewrite's buffer edges: lines longer than the buffer, and a buffer a few lines long.
    for (const bufferBytes of [64, 2500]) {
      await writeFile(path.join(dir, 'results.jsonl'), `${lines.join('\n')}\n`);
      await readRunColumns(dir, { sortFile: true, bufferBytes });
      expect(await readFile(path.join(dir, 'results.jsonl'), 'utf8')).toBe(expected);
    }
  });

  it('names the file and line of a bad row', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'evalgate-columns-'));
    const good = JSON.stringify(sampleResults(1)[0]);
    await writeFile(path.join(dir, 'results.jsonl'), `${good}\n{"suite": 3}\n`);
    const error = await readRunColumns(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/results\.jsonl.*:2/);
    await writeFile(path.join(dir, 'results.jsonl'), `${good}\n{"suite": "qa", "tor`);
    expect(String(await readRunColumns(dir).catch((e: unknown) => e))).toMatch(/:2.*not valid JSON/);
  });
});
