// A generated run for the statistics' equality tests (issue 12, constant-memory runs): several
// suite × provider groups (classify with a group tag and label probabilities, qa with topic and
// `name:value` tags, mcq with categories), counterfactual variants of two attributes, repeats,
// errors, null and missing scores, and the odd tags the breakdowns must treat as before
// (duplicates on one case, `segment:` with nothing after it, tags only a variant carries,
// `bias-probe`). Deterministic from its seed, so a golden written once compares old and new code.
import { ConfigSchema, type EvalConfig } from '../../config/schema.js';
import { createRng } from '../../core/rng.js';
import type { CaseResult, RunManifest } from '../../run/types.js';

export const GENERATED_PROVIDERS = ['local/extractive', 'openai/gpt-4o-mini'];
const SUITES = [
  { name: 'intent', task: 'classify' },
  { name: 'qa', task: 'qa' },
  { name: 'bbq', task: 'mcq' },
] as const;
const QA_METRICS = ['answer.f1', 'answer.em', 'answer.rouge_l', 'groundedness'];
const SEGMENTS = ['smb', 'ent', 'gov', 'edu'];
const TOPICS = ['billing', 'refunds', 'long-input', 'login'];

export const generatedConfig: EvalConfig = ConfigSchema.parse({
  name: 'generated',
  seed: 7,
  providers: GENERATED_PROVIDERS,
  suites: [
    { name: 'intent', task: 'classify', cases: 'i.jsonl', labels: ['a', 'b', 'c'] },
    { name: 'qa', task: 'qa', cases: 'q.jsonl' },
    { name: 'bbq', task: 'mcq', cases: 'b.jsonl' },
  ],
  gate: { resamples: 200 },
  bias: {
    group_tag: 'segment',
    attributes: {
      name: { groups: { g1: { n: 'A' }, g2: { n: 'B' } }, metrics: ['answer.f1', 'groundedness'] },
      age: { groups: { young: { a: '20' }, old: { a: '70' } } },
    },
  },
});

/** `perSuite` cases per suite and provider, each run twice (repeat 0 and 1), in file order. */
export function generatedResults(perSuite: number, seed = 11): CaseResult[] {
  const rng = createRng(seed);
  const out: CaseResult[] = [];
  for (const provider of GENERATED_PROVIDERS)
    for (const { name: suite, task } of SUITES)
      for (let c = 0; c < perSuite; c++)
        for (let repeat = 0; repeat < 2; repeat++) out.push(oneResult(rng, suite, task, provider, c, repeat));
  return out;
}

function oneResult(
  rng: ReturnType<typeof createRng>,
  suite: string,
  task: (typeof SUITES)[number]['task'],
  provider: string,
  c: number,
  repeat: number,
): CaseResult {
  // Cases 0–9 of every 30 are counterfactual variants: pairs of one base case per attribute.
  const attribute = c % 30 < 6 ? 'name' : c % 30 < 10 ? 'age' : null;
  const group = attribute === 'name' ? (c % 2 ? 'g1' : 'g2') : c % 2 ? 'young' : 'old';
  const baseId = `c${attribute ? c - (c % 2) : c}`;
  const scores: Record<string, number | null> = {};
  if (task === 'qa')
    for (const m of QA_METRICS) {
      const u = rng.next();
      // About one in ten null, one in twenty absent (the metric did not run on the case).
      if (u < 0.05) continue;
      scores[m] = u < 0.15 ? null : Math.round(rng.next() * 1000) / 1000 + (m === 'answer.em' ? 0 : 1e-9 * c);
    }
  if (task === 'classify') scores['classification.accuracy'] = rng.int(2);
  if (task === 'mcq') scores['mcq.accuracy'] = rng.next() < 0.03 ? null : rng.int(2);
  // A segment too small to be compared (fewer than 20 cases): the audit's "not computed" and
  // "left out" branches.
  const segment = c % 41 === 3 ? 'ngo' : SEGMENTS[c % SEGMENTS.length];
  const tags = [`segment:${segment}`, TOPICS[rng.int(TOPICS.length)]];
  if (c % 3 === 0) tags.push(`channel:${['chat', 'email'][rng.int(2)]}`);
  if (c % 7 === 0) tags.push(tags[1]); // the same tag twice on one case counts once
  if (c % 11 === 0) tags.push('segment:'); // a name with no value: in the segment breakdown and the topics
  if (c % 13 === 0) tags.push('bias-probe');
  if (attribute) tags.push('variant-only', `${attribute}:${group}`);
  if (c % 17 === 2) tags.push(tags.shift() as string); // the group tag not first
  const error = rng.next() < 0.04 ? { code: 'HTTP_500', message: `boom ${c}` } : undefined;
  // Now and then a case without a gold label.
  const label = c % 19 === 4 ? undefined : ['a', 'b', 'c'][c % 3];
  const predicted = rng.next() < 0.05 ? null : ['a', 'b', 'c'][rng.int(3)];
  return {
    suite,
    task,
    caseId: attribute ? `${baseId}[${attribute}=${group}]` : baseId,
    baseId,
    ...(attribute ? { variant: { attribute, group } } : {}),
    provider,
    repeat,
    promptVersion: `${suite}@v1#0000000${repeat}`,
    input: `input ${suite} ${c}`,
    output: error ? null : `answer ${rng.int(4)} of ${c}`,
    ...(task === 'qa' ? { references: [`answer 1 of ${c}`] } : {}),
    ...(task === 'classify'
      ? {
          ...(label === undefined ? {} : { label }),
          predicted,
          confidence: Math.round(rng.next() * 100) / 100,
          labelProbabilities: { a: 0.5, b: 0.3, c: 0.2 },
        }
      : {}),
    ...(task === 'mcq'
      ? {
          mcq: {
            options: ['x', 'y', 'unknown'],
            chosen: rng.next() < 0.05 ? null : rng.int(3),
            correct: c % 2,
            biased: 1,
            unknown: 2,
            condition: c % 4 < 2 ? ('ambiguous' as const) : ('disambiguated' as const),
            ...(c % 5 ? { category: ['age', 'gender'][c % 2] } : {}),
          },
        }
      : {}),
    usage: { inputTokens: 100 + rng.int(50), outputTokens: 10 + rng.int(20), estimated: false },
    costUsd: 0.0001 * (1 + rng.int(5)),
    latencyMs: 5 + rng.int(200),
    cached: false,
    attempts: 1,
    ...(error ? { error } : {}),
    attribution: error ? 'provider-error' : rng.next() < 0.7 ? 'pass' : 'generation-error',
    scores,
    tags,
  };
}

/** A manifest for `generatedResults(perSuite)`, fixed to the byte (no clock, no git). */
export function generatedManifest(perSuite: number): RunManifest {
  const results = GENERATED_PROVIDERS.length * SUITES.length * perSuite * 2;
  return {
    schemaVersion: 2,
    runId: '2026-01-01T00-00-00Z-gen0',
    name: 'generated',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    durationMs: 60000,
    gitSha: null,
    gitDirty: false,
    configHash: 'generated000',
    configFile: 'eval/evalgate.yaml',
    corpusHash: null,
    seed: 7,
    repeat: 2,
    hypothesis: null,
    retrieval: null,
    providers: GENERATED_PROVIDERS.map((id) => ({
      id,
      provider: id.split('/')[0],
      model: id.split('/')[1],
    })),
    prompts: {},
    suites: SUITES.map((s) => ({
      name: s.name,
      task: s.task,
      cases: perSuite,
      file: `test_cases/${s.name}.jsonl`,
    })),
    packageVersions: { evalgate: '0.1.0', node: '20.0.0' },
    timings: { generate: 50000, score: 10000 },
    counts: { results, errors: 0, cached: 0, requests: results },
  };
}
