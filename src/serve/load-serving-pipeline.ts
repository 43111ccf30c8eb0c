// Builds the evaluated pipeline for serving: the same config loading, model creation, suite
// preparation (prompt, few-shot selection), index and `runCase` an eval uses, so a request is
// answered exactly as a gold case with that text would be. Refuses to start (InputError, exit 2)
// when the setup differs from the accepted baseline, unless `allowUnevaluated`.
import type { ModuleClosers } from '../providers/module/module-closers.js';
import type { RagConfig } from '../config/schema.js';
import path from 'node:path';
import { REVIEW_TARGET_PRECISION } from '../aggregate/summarize-classification.js';
import type { EvalCase } from '../cases/eval-case.js';
import { loadConfig } from '../config/load-config.js';
import type { Clock } from '../core/clock.js';
import { InputError } from '../core/errors.js';
import { hashValue } from '../core/hash.js';
import { createRng } from '../core/rng.js';
import type { CaseScoringStep } from '../pipeline/case-scoring-step.js';
import { prepareSuites } from '../pipeline/prepare-suites.js';
import type { PreparedSuite } from '../pipeline/prepared-suite.js';
import type { ModelHandle } from '../providers/model-handle.js';
import type { RagRuntime } from '../pipeline/rag-runtime.js';
import { runCase } from '../pipeline/run-case.js';
import { createModels } from '../providers/create-models.js';
import { isDecline } from '../scorers/answer/decline.js';
import { parseLabel } from '../scorers/classification/parse-label.js';
import { corpusVocabulary, type InputFeatures, inputFeatures } from '../monitor/input-features.js';
import { loadCorpus } from '../rag/corpus-loader.js';
import { checkServingBaseline } from './check-serving-baseline.js';
import { querySettings } from './query-settings.js';
import { servedResult } from './served-result.js';
import type { ServeRequest, ServedSuite, ServingPipeline } from './serving-pipeline.js';
import { pickSuite } from './serving-pipeline.js';
import { readServingReference } from './read-serving-reference.js';
import { needsReview, providerSettings } from './serving-reference.js';
import type { ServingReference } from './serving-reference.js';

export interface LoadServingPipelineOptions {
  configPath: string;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  suites?: string[];
  providers?: string[];
  allowUnevaluated?: boolean;
  onNote?: (line: string) => void;
  /** Where the user modules' `close` exports are registered; whoever stops the server closes them. */
  moduleClosers?: ModuleClosers;
}

// Enough distinct inputs that the optimising compiler has seen the pipeline's hot loops with
// varied data (one text sent twice left the first real request 5-10× slower than the median).
export const WARM_UP_SAMPLES = 24;
/**
 * A model behind a network call (a paid API, the team's own service) gets one sample: each
 * warm-up request is a real call, at every start, and the network dwarfs what the JIT saves.
 */
const REMOTE_WARM_UP_SAMPLES = 1;
/**
 * A pipeline of evalgate's own local parts sends its samples through ten times: with two, the
 * second real request still ran 1.2-2 x the median and cost +1.1-1.3 ms of server CPU (probe of 7
 * fresh servers, twice, under load 3-5), with ten +0.2-0.4 ms. About 0.5 s more before ready on the
 * sample. Anything else keeps the default two rounds of one sample: a remote model, and a
 * `module/` provider or `rag.retriever` too (the user's own code, which usually calls a paid model
 * or a database, so each warm-up request is a real call).
 */
const IN_PROCESS_WARM_UP_ROUNDS = 10;
const IN_PROCESS_FAMILIES = new Set(['local', 'replay']);

const ROUTE_OF = { 'rag-qa': 'answer', qa: 'answer', classify: 'classify' } as const;

export async function loadServingPipeline(options: LoadServingPipelineOptions): Promise<ServingPipeline> {
  const loaded = await loadConfig(options.configPath, options.env);
  const { config, root } = loaded;
  const configFile = path.relative(process.cwd(), loaded.file) || loaded.file;
  const servable = config.suites.filter((s) => s.task in ROUTE_OF && !s.outputs);
  for (const name of options.suites ?? [])
    if (!servable.some((s) => s.name === name))
      throw new InputError({
        code: 'SUITE_UNKNOWN',
        file: configFile,
        field: 'suites',
        message: `--suite ${name} is not a servable suite (servable: ${servable.map((s) => s.name).join(', ')})`,
      });
  const chosen = servable.filter((s) => !options.suites || options.suites.includes(s.name));
  const rng = createRng(config.seed);
  // No response cache: production answers come from the model, not from disk.
  const created = await createModels({
    config,
    root,
    configFile,
    env: options.env,
    requested: options.providers,
    useCache: false,
    clock: options.clock,
    rng,
    moduleClosers: options.moduleClosers,
  });
  let rag: RagRuntime | null = null;
  try {
    for (const s of created.skipped) options.onNote?.(`skipping ${s.id}: ${s.reason}`);
    const prepared = await prepareSuites({
      loaded,
      models: created.models,
      replayModels: created.replayBySuite,
      onlySuites: chosen.map((s) => s.name),
      rng,
    });
    const served = prepared.filter((s) => s.models.length > 0);
    if (served.length === 0)
      throw new InputError({
        code: 'NO_PROVIDERS',
        file: configFile,
        field: 'providers',
        message: 'no provider is available for any servable suite (set an API key or add local/extractive)',
      });
    if (config.rag && served.some((s) => s.config.task === 'rag-qa')) {
      const { createRagRuntime } = await import('../pipeline/rag-runtime.js');
      rag = await createRagRuntime({
        rag: config.rag,
        root,
        env: options.env,
        configFile,
        onNote: options.onNote,
        rerankModel: created.reranker?.languageModel,
        memoize: false,
        moduleClosers: options.moduleClosers,
      });
    }
    const baselineFile = config.gate.baseline;
    const { reference, runId } = await readServingReference(path.resolve(root, baselineFile), baselineFile);
    const setup = {
      indexKey: rag?.indexKey ?? null,
      usesIndex: rag !== null,
      reviewTargetPrecision: REVIEW_TARGET_PRECISION,
      settings: querySettings(
        config,
        served.map((s) => s.config.name),
      ),
      suites: served.map((s) => ({
        name: s.config.name,
        classify: s.config.task === 'classify',
        provider: providerSettings(s.models[0].config, options.env),
        prompt: s.prompt ? { id: s.prompt.id, versionId: s.prompt.versionId } : null,
      })),
    };
    const mismatches = checkServingBaseline(setup, reference, baselineFile);
    if (mismatches.length > 0 && !options.allowUnevaluated)
      throw new InputError({
        code: 'SERVE_UNEVALUATED',
        file: baselineFile,
        message: `what would be served differs from the accepted baseline: ${mismatches.join('; ')} (evaluate and accept it, or pass --allow-unevaluated)`,
      });
    const manifestHash = hashValue({ setup, baselineRun: runId }).slice(0, 16);
    // No corpus behind a rag.retriever module: the OOV rate is not measured (null), as in the baseline.
    const vocabulary =
      config.rag && !config.rag.retriever
        ? corpusVocabulary(loadCorpus(path.resolve(root, config.rag.corpus)).documents)
        : null;
    return createEvaluatedPipeline({
      served,
      rag,
      reference,
      clock: options.clock,
      manifestHash,
      mismatches,
      vocabulary,
      ragConfig: config.rag,
      close: async () => {
        await rag?.close();
        created.close();
      },
    });
  } catch (error) {
    await rag?.close();
    created.close();
    throw error;
  }
}

function createEvaluatedPipeline(options: {
  served: PreparedSuite[];
  rag: RagRuntime | null;
  reference: ServingReference | null;
  clock: Clock;
  manifestHash: string;
  mismatches: string[];
  vocabulary: ReadonlySet<string> | null;
  ragConfig: RagConfig | undefined;
  close: () => Promise<void>;
}): ServingPipeline {
  const { served, rag, clock } = options;
  const suites: ServedSuite[] = served.map((s) => ({
    name: s.config.name,
    route: ROUTE_OF[s.config.task as keyof typeof ROUTE_OF],
    model: s.models[0].id,
    promptVersion: s.prompt ? `${s.prompt.id}@v${s.prompt.version}` : null,
    promptHash: s.prompt ? s.prompt.versionId.split('#')[1] : null,
    ...(inProcess(s, options.ragConfig)
      ? { samples: sampleTexts(s, WARM_UP_SAMPLES), warmUpRounds: IN_PROCESS_WARM_UP_ROUNDS }
      : { samples: sampleTexts(s, REMOTE_WARM_UP_SAMPLES) }),
  }));
  // Serving scores nothing (there is no gold answer); it parses the label exactly as the eval's
  // case scorer does, so the served label is the evaluated one.
  const scorer: CaseScoringStep = async ({ evalCase, result, labels }) => {
    if (evalCase.task === 'classify' && result.output !== null && labels && !result.error)
      result.predicted = parseLabel(result.output, labels);
    return { scores: {}, passed: null };
  };
  // The baseline's embedding centroid per served suite, as a vector once rather than per request.
  const centroids = new Map<PreparedSuite, Float32Array>();
  for (const s of served) {
    const centroid = options.reference?.reference[s.config.name]?.[s.models[0].id]?.centroid;
    if (centroid) centroids.set(s, Float32Array.from(centroid));
  }
  const run = async (request: ServeRequest) => {
    const picked = pickSuite(suites, request.route, request.suite);
    if ('error' in picked) throw new Error(picked.error);
    const suite = served[suites.indexOf(picked)];
    const model: ModelHandle = suite.models[0];
    const evalCase = caseFor(suite, request);
    // Per request, so concurrent requests never share what a context assembly captured.
    let assembled: ReturnType<RagRuntime['assemble']> | undefined;
    const result = await runCase(
      { suite, variant: { evalCase, baseId: evalCase.id }, model, repeat: 0 },
      {
        clock,
        retrieve: rag?.retrieve,
        assemble: rag
          ? (retrieved) => {
              assembled = rag.assemble(retrieved);
              return assembled;
            }
          : undefined,
        costUsd: () => null,
        scorer,
      },
    );
    const review = options.reference?.review[suite.config.name]?.[model.id];
    return servedResult({
      suite: picked,
      result,
      assembled,
      needsReview: (declined, confidence) =>
        needsReview({
          failed: Boolean(result.error) || (evalCase.task === 'classify' && result.predicted == null),
          declined,
          confidence,
          review: evalCase.task === 'classify' ? (review ?? { threshold: null }) : undefined,
        }),
      isDeclined: (text) => isDecline(text, suite.config.decline_phrases),
    });
  };
  return {
    suites,
    manifestHash: options.manifestHash,
    unevaluated: options.mismatches,
    run,
    inputFeatures: async (requests) => {
      // Grouped by suite (each has its own centroid): one embeddings call per suite in the batch.
      const groups = new Map<PreparedSuite, number[]>();
      requests.forEach((request, i) => {
        const picked = pickSuite(suites, request.route, request.suite);
        if ('error' in picked) throw new Error(picked.error);
        const suite = served[suites.indexOf(picked)];
        groups.set(suite, [...(groups.get(suite) ?? []), i]);
      });
      const out = new Array<InputFeatures>(requests.length);
      for (const [suite, indexes] of groups) {
        const features = await inputFeatures({
          texts: indexes.map((i) => requests[i].text),
          vocabulary: options.vocabulary,
          embedder: rag?.embedder ?? null,
          centroid: centroids.get(suite) ?? null,
        });
        indexes.forEach((i, k) => {
          out[i] = features[k];
        });
      }
      return out;
    },
    close: options.close,
  };
}

function caseFor(suite: PreparedSuite, request: ServeRequest): EvalCase {
  const base = { id: request.requestId, tags: [], line: 0, placeholders: [] };
  if (suite.config.task === 'classify') return { ...base, task: 'classify', input: request.text, label: '' };
  return {
    ...base,
    task: suite.config.task as 'rag-qa' | 'qa',
    question: request.text,
    references: [],
    unanswerable: false,
  };
}

/**
 * Every call a request of this suite makes is evalgate's own, in this process: the model, and for a
 * RAG suite the built-in index (not a `rag.retriever` module), embedder and reranker.
 */
export function inProcess(
  suite: { models: readonly { id: string }[]; config: { task: string } },
  rag: Pick<RagConfig, 'embedder' | 'retriever' | 'retrieve'> | undefined,
): boolean {
  const local = (id: string) => IN_PROCESS_FAMILIES.has(id.split('/')[0]);
  if (!local(suite.models[0].id)) return false;
  if (suite.config.task !== 'rag-qa' || !rag) return true;
  if (rag.retriever) return false;
  return local(rag.embedder) && (!rag.retrieve.rerank || local(rag.retrieve.rerank));
}

/** Up to `limit` distinct gold texts of the suite, for the server's warm-up. */
function sampleTexts(suite: PreparedSuite, limit: number): string[] {
  const texts = new Set<string>();
  for (const { evalCase: c } of suite.variants) {
    if (texts.size >= limit) break;
    const text = c.task === 'classify' ? c.input : 'question' in c ? c.question : null;
    if (text) texts.add(text);
  }
  return texts.size > 0 ? [...texts] : ['warm-up'];
}
