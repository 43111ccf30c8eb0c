// reports/baseline.json: the accepted run's summary plus the per-case values the paired tests
// need. Keys are sorted and values rounded so a re-accepted baseline diffs cleanly in review.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { stableStringify } from '../core/hash.js';
import { measureUsage } from '../plan/usage-profile.js';
import { perCaseTable, transposeTable } from './per-case-table.js';
import type { Baseline, CaseResult, RunRecord } from './types.js';

const BaselineSchema = z.looseObject({
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  runId: z.string(),
  configHash: z.string(),
  corpusHash: z.string().nullable(),
  prompts: z.record(z.string(), z.string()),
  providers: z.array(z.string()),
  summary: z.array(
    z.looseObject({
      suite: z.string(),
      provider: z.string(),
      metrics: z.record(z.string(), z.number().nullable()),
    }),
  ),
  cases: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.record(z.string(), z.number())))),
});

export function buildBaseline(
  record: RunRecord,
  results: readonly CaseResult[],
  acceptedAt: string,
): Baseline {
  return {
    schemaVersion: 2,
    runId: record.manifest.runId,
    acceptedAt,
    gitSha: record.manifest.gitSha,
    configHash: record.manifest.configHash,
    corpusHash: record.manifest.corpusHash,
    prompts: record.manifest.prompts,
    providers: record.manifest.providers.map((p) => p.id),
    summary: record.summary.map((s) => ({
      suite: s.suite,
      provider: s.provider,
      metrics: Object.fromEntries(
        Object.entries(s.metrics).map(([k, m]) => [
          k,
          m.value === null ? null : Math.round(m.value * 1e6) / 1e6,
        ]),
      ),
    })),
    cases: transposeTable(perCaseTable(results)),
    // Read once per suite: a run's case hashes are parsed from text on every read (lazy-case-hashes.ts).
    caseHashes: Object.fromEntries(
      record.manifest.suites.flatMap((s) => {
        const hashes = s.caseHashes;
        return hashes ? [[s.name, hashes]] : [];
      }),
    ),
    bias: record.bias.rows.map((r) => ({
      check: r.check,
      provider: r.provider,
      value: r.value,
      standardError: r.standardError == null ? null : Math.round(r.standardError * 1e6) / 1e6,
    })),
    ...(record.manifest.generation ? { generation: record.manifest.generation } : {}),
    ...(record.manifest.metricDefinitions ? { metricDefinitions: record.manifest.metricDefinitions } : {}),
    usage: measureUsage(results),
  };
}

/**
 * Sorted keys, and each case's scores on one line (`"sqa-001": {"answer.f1": 0.5, ...}`): the
 * file stays small and a changed case is a one-line diff in review.
 */
export function serializeBaseline(baseline: Baseline): string {
  const { cases, caseHashes, ...header } = JSON.parse(stableStringify(baseline)) as Baseline;
  const lines: string[] = [];
  const suites = Object.keys(cases);
  suites.forEach((suite, si) => {
    lines.push(`  ${JSON.stringify(suite)}: {`);
    const providers = Object.keys(cases[suite]);
    providers.forEach((provider, pi) => {
      lines.push(`   ${JSON.stringify(provider)}: {`);
      const ids = Object.keys(cases[suite][provider]);
      ids.forEach((id, ci) =>
        lines.push(
          `    ${JSON.stringify(id)}: ${JSON.stringify(cases[suite][provider][id])}${ci < ids.length - 1 ? ',' : ''}`,
        ),
      );
      lines.push(`   }${pi < providers.length - 1 ? ',' : ''}`);
    });
    lines.push(`  }${si < suites.length - 1 ? ',' : ''}`);
  });
  const head = JSON.stringify(header, null, 1);
  // Case hashes: one line per suite would be long; one line per case keeps diffs readable.
  const hashLines = Object.entries(caseHashes ?? {}).map(
    ([suite, byId]) =>
      `  ${JSON.stringify(suite)}: {\n${Object.entries(byId)
        .map(([id, h]) => `   ${JSON.stringify(id)}: ${JSON.stringify(h)}`)
        .join(',\n')}\n  }`,
  );
  const hashes = caseHashes ? `,\n "caseHashes": {\n${hashLines.join(',\n')}\n }` : '';
  return `${head.slice(0, -2)},\n "cases": {\n${lines.join('\n')}\n }${hashes}\n}\n`;
}

export async function readBaseline(file: string, displayPath: string): Promise<Baseline | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError({
      code: 'BASELINE_INVALID',
      file: displayPath,
      message: 'not valid JSON (re-create it with `evalgate baseline accept`)',
    });
  }
  const parsed = BaselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({
      code: 'BASELINE_INVALID',
      file: displayPath,
      field: issue.path.join('.'),
      message: `${issue.message} (re-create it with \`evalgate baseline accept\`)`,
    });
  }
  return parsed.data as unknown as Baseline;
}
