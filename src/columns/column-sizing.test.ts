// The column store's memory shape: with the row count known, every per-row column is allocated
// once at its size, the shared pools grow to a projection (not by doubling), finishing releases
// the builder's storage, and the store built is the same either way. countLines gives the count.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import type { CaseResult } from '../run/types.js';
import { countLines, readRunColumns } from './read-run-columns.js';
import { aggregateRow } from './column-rows.js';
import { createColumnsBuilder } from './result-columns.js';

/** Rows in completion order: three scores each, a fourth on every other row, some tags. */
function rows(count: number): CaseResult[] {
  return Array.from({ length: count }, (_, i) =>
    caseResult({
      caseId: `c${(i * 7919) % count}`,
      scores: {
        'answer.f1': i / count,
        'answer.em': i % 2,
        'retrieval.mrr': 0.5,
        ...(i % 2 ? { x: 1 } : {}),
      },
      tags: i % 3 ? ['billing'] : [],
    }),
  );
}

function build(results: CaseResult[], expectedRows?: number) {
  const builder = createColumnsBuilder(expectedRows === undefined ? {} : { expectedRows });
  for (const r of results) builder.add(r);
  const before = builder.storage();
  const { columns } = builder.finish();
  return { before, after: builder.storage(), columns };
}

describe('column sizing', () => {
  const results = rows(20_000);

  it('allocates per-row columns once and grows the pools a few times when the count is known', () => {
    const sized = build(results, results.length);
    const doubling = build(results);
    // 31 columns: 25 per row never grow; each of the 6 pools grows at most twice.
    expect(sized.before.grown).toBeLessThanOrEqual(6 * 2);
    // The same rows without the count: every column doubles its way up (5 times from 1,024).
    expect(doubling.before.grown).toBeGreaterThan(25 * 4);
    // What the rows need: the finished store's own arrays.
    const needed = Object.values(sized.columns).reduce(
      (sum, v) => sum + (ArrayBuffer.isView(v) ? (v as Uint8Array).byteLength : 0),
      0,
    );
    expect(sized.before.bytes).toBeLessThanOrEqual(needed * 1.1);
    expect(doubling.before.bytes).toBeGreaterThan(needed * 1.1);
    // Same store either way.
    for (const i of [0, 1, 777, results.length - 1])
      expect(aggregateRow(sized.columns, i)).toEqual(aggregateRow(doubling.columns, i));
  });

  it('gives the per-row columns of a sized store one slab, and keeps it when finishing', () => {
    const sized = build(results.slice(0, 4000), 4000).columns;
    const slab = sized.suite.buffer;
    // (Compared with ===: printing a mismatch of two large buffers would take minutes.)
    const columns = {
      caseId: sized.caseId,
      flags: sized.flags,
      latencyMs: sized.latencyMs,
      lineLength: sized.lineLength,
    };
    for (const [name, column] of Object.entries(columns))
      expect([name, column.buffer === slab]).toEqual([name, true]);
    // 10 × 4 + 6 × 4 + 2 × 1 + 7 × 8 bytes a row: 122 × 4,000, each column 8-byte aligned.
    expect(slab.byteLength).toBe(488_000);
    // Pools grow on their own; a store built without the count has no slab.
    expect(sized.scoreValue.buffer === slab).toBe(false);
    expect(sized.scoreStart.buffer === slab).toBe(false);
    const doubling = build(results.slice(0, 4000)).columns;
    expect(doubling.caseId.buffer === doubling.suite.buffer).toBe(false);
  });

  it("releases the builder's storage when finished", () => {
    const { before, after, columns } = build(results.slice(0, 3000), 3000);
    expect(before.bytes).toBeGreaterThan(0);
    expect(after.bytes).toBe(0);
    expect(columns.n).toBe(3000);
  });

  it('still builds the same store when the count was wrong either way', () => {
    const exact = build(results.slice(0, 5000), 5000).columns;
    for (const guess of [0, 10, 4999, 9000]) {
      const { columns } = build(results.slice(0, 5000), guess);
      expect(columns.n).toBe(5000);
      for (const i of [0, 2500, 4999]) expect(aggregateRow(columns, i)).toEqual(aggregateRow(exact, i));
    }
  });
});

describe('pools sorted in place', () => {
  /** Three scores and one tag on every row (a uniform pool), in a shuffled completion order. */
  function uniformRows(count: number): CaseResult[] {
    return Array.from({ length: count }, (_, i) => {
      const k = (i * 7919) % count;
      return caseResult({
        caseId: `c${String(k).padStart(5, '0')}`,
        scores: { 'answer.f1': k / count, 'answer.em': k % 2, 'retrieval.mrr': k % 7 },
        tags: [`t${k % 5}`],
      });
    });
  }
  const rowOf = (r: CaseResult) => ({ caseId: r.caseId, scores: r.scores, tags: r.tags });

  it('reorders pools where every row has the same entries in place, with every row as sorted', () => {
    const results = uniformRows(3000);
    const { columns } = build(results, results.length);
    const sorted = [...results].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
    for (let i = 0; i < sorted.length; i++) {
      const row = aggregateRow(columns, i);
      expect({ caseId: row.caseId, scores: row.scores, tags: row.tags }).toEqual(rowOf(sorted[i]));
    }
    expect(Array.from(columns.scoreStart.subarray(0, 4))).toEqual([0, 3, 6, 9]);
    expect(columns.scoreStart[3000]).toBe(9000);
    // Kept, not copied: the pool is still the builder's projected buffer (a little larger than
    // its 9,000 values), where a copy would be exactly their size.
    expect(columns.scoreValue.buffer.byteLength).toBeGreaterThan(columns.scoreValue.byteLength);
    expect(columns.scoreValue.length).toBe(9000);
  });

  it('gives every row as sorted through each path: sized or doubling, uniform or ragged pools', () => {
    const uniform = uniformRows(2000);
    // One row without a tag makes the tag pool ragged; one with a fourth score the score pool.
    const raggedTags = uniform.map((r, i) => (i === 1234 ? { ...r, tags: [] } : r));
    const raggedScores = uniform.map((r, i) =>
      i === 77 ? { ...r, scores: { ...r.scores, extra: 0.5 } } : r,
    );
    for (const results of [uniform, raggedTags, raggedScores]) {
      // The oracle is the input itself, sorted: not another path of the same builder.
      const sorted = [...results].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
      for (const columns of [build(results, results.length).columns, build(results).columns])
        for (let i = 0; i < sorted.length; i++) {
          const row = aggregateRow(columns, i);
          expect({ caseId: row.caseId, scores: row.scores, tags: row.tags }).toEqual(rowOf(sorted[i]));
        }
    }
  });

  it('keeps pools of rows already in order, ragged or not', () => {
    const results = uniformRows(500)
      .map((r, i) => ({ ...r, tags: i % 4 ? r.tags : [] }))
      .sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
    const { columns } = build(results, results.length);
    for (let i = 0; i < results.length; i++) {
      const row = aggregateRow(columns, i);
      expect({ caseId: row.caseId, scores: row.scores, tags: row.tags }).toEqual(rowOf(results[i]));
    }
  });

  it('handles rows with no entries at all', () => {
    const results = uniformRows(50).map((r) => ({ ...r, scores: {}, tags: [] }));
    const { columns } = build(results, results.length);
    expect(columns.scoreValue.length).toBe(0);
    expect(Array.from(columns.scoreStart)).toEqual(new Array(51).fill(0));
    expect(aggregateRow(columns, 7).scores).toEqual({});
  });
});

describe('countLines', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('counts newlines, an unterminated last line, and lines across read-buffer edges', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'evalgate-count-lines-'));
    const file = path.join(dir, 'results.jsonl');
    const cases: [string, number][] = [
      ['', 0],
      ['a', 1],
      ['a\n', 1],
      ['a\nb', 2],
      ['a\n\nb\n', 3],
    ];
    for (const [text, lines] of cases) {
      await writeFile(file, text);
      expect(await countLines(file)).toBe(lines);
    }
    // 3 MB of 1,000-byte lines: many reads, lines split across them.
    const line = `${'x'.repeat(999)}\n`;
    await writeFile(file, line.repeat(3000));
    expect(await countLines(file)).toBe(3000);
    expect(await countLines(path.join(dir, 'missing.jsonl'))).toBe(0);
  });

  it('readRunColumns sizes its builder from the file: the per-row columns never grow', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-read-sizing-'));
    const some = rows(5000);
    await writeFile(path.join(dir, 'results.jsonl'), `${some.map((r) => JSON.stringify(r)).join('\n')}\n`);
    let sizedTo: number | undefined;
    let grown = Number.NaN;
    await readRunColumns(dir, {
      createBuilder: (options) => {
        sizedTo = options?.expectedRows;
        const builder = createColumnsBuilder(options);
        return {
          ...builder,
          finish: () => {
            grown = builder.storage().grown;
            return builder.finish();
          },
        };
      },
    });
    await rm(dir, { recursive: true, force: true });
    expect(sizedTo).toBe(5000);
    expect(grown).toBeLessThanOrEqual(6 * 2);
  });
});
