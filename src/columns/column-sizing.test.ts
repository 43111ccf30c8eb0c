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
    // 3 MB of 1,000-byte lines: three 1 MB reads, lines split across them.
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
