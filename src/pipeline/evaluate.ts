// The eval run end to end, as a library call: config → prompts + cases → index → models →
// cases (streamed to results.jsonl) → run record. Rendering reports and choosing the exit code
// are the caller's job (the CLI), so this function can be embedded and tested.
import { randomBytes } from 'node:crypto';
import { checkRequestedSuites } from '../config/check-requested-suites.js';
import path from 'node:path';
import { loadConfig, type LoadConfigOptions } from '../config/load-config.js';
import { systemClock, type Clock } from '../core/clock.js';
import { gitInfo, packageVersions } from '../core/environment-info.js';
import { InputError } from '../core/errors.js';
import { redactUrl } from '../core/redact.js';
import { createRng } from '../core/rng.js';
import { createModels } from '../providers/create-models.js';
import { createConfigPriceTable, type PriceTable } from '../providers/pricing.js';
import { readBaseline } from '../run/baseline.js';
import { RESULTS_FILE } from '../run/run-folder.js';
import { writeRunRecord } from '../run/write-run-record.js';
import type { CaseResult, RunManifest, RunRecord } from '../run/types.js';
import { createHashEmbedder } from '../rag/embedders/hash-embedder.js';
import { createAssertionRunner } from '../assertions/run-assertions.js';
import { startBatchRun, type BatchRunOptions } from '../batch/start-batch-run.js';
import { buildRunRecord } from './build-run-record.js';
import { createCaseScoringStep } from './case-scoring-step.js';
import { createJudgeScorer } from './judge-scorer.js';
import { prepareSuites } from './prepare-suites.js';
import type { RagRuntime } from './rag-runtime.js';
import type { CaseJob } from './run-case.js';
import { withCasesChangedHint } from './cases-changed-hint.js';
import { countPlannedJobs, runJobs, type Progress } from './run-jobs.js';
import { chooseCases } from './choose-cases.js';
import { filterCaseVariants } from '../cases/case-file-source.js';
import { openRun, readPriorResults } from '../resume/open-run.js';
import { resultKey } from '../resume/read-written-results.js';
import { resumeOptions } from '../resume/resume-options.js';
import { runFingerprint } from '../resume/run-fingerprint.js';
import { runFilters, type JobSelection } from '../selection/select-jobs.js';
import { prepareSpend, type SpendOptions } from '../budget/prepare-spend.js';
import { guardJudgeModel } from '../budget/judge-guard.js';
import { readRunColumns } from '../columns/read-run-columns.js';
import type { ModuleClosers } from '../providers/module/module-closers.js';
import { collectAtPhaseBoundary } from '../memory/phase-collection.js';
import { closeInOrder } from './close-in-order.js';
import { withLazyCaseHashes } from '../run/lazy-case-hashes.js';
import { metricDefinitions } from '../scorers/metric-definitions.js';
import { loadResultsSync, resultCounts } from '../columns/result-counts.js';

export interface EvaluateOptions {
  configPath: string;
  /**
   * Where the user modules' `close` exports are registered (module providers, rag.retriever).
   * The caller calls them once it is done with the modules: ES modules are loaded once per
   * process, so a second evaluate() (a sweep's next variant) reuses the same module instance.
   */
  moduleClosers?: ModuleClosers;
  env: Readonly<Record<string, string | undefined>>;
  suites?: string[];
  providers?: string[];
  concurrency?: number;
  repeat?: number;
  useCache?: boolean;
  hypothesis?: string;
  reportsDir?: string;
  clock?: Clock;
  onProgress?: (progress: Progress) => void;
  /** One-line notes for the user (skipped providers, index reuse). */
  onNote?: (line: string) => void;
  /** `--allow-missing-provider`: a baseline provider may be absent (a deliberate switch). */
  allowMissingProviders?: boolean;
  /** Spend control: the estimate before a paid run, the budget and its confirmation. */
  spend?: SpendOptions;
  /**
   * Changes to the parsed config before validation (a sweep variant's settings): the config
   * hash, the index key and the cache keys all follow from the changed config.
   */
  configOverrides?: LoadConfigOptions['overrides'];
  /** Runs only the cases this accepts, by suite and base case id (a sweep's holdout split). */
  includeCase?: (suite: string, baseId: string) => boolean;
  /** Recorded in the manifest: the sweep this run is a variant of. */
  sweep?: RunManifest['sweep'];
  /** `--batch`: answers come from the providers' batch APIs through the cache (src/batch). */
  batch?: BatchRunOptions;
  /** Which cases to run (--shard, --limit, --sample, --filter, --case, --rerun-failed). */
  selection?: JobSelection;
  /** `--resume [run]`: finish an interrupted run (true: the latest unfinished one). */
  resume?: string | true;
  /** The run folder being resumed (set from `resume`). */
  resumeDir?: string;
}

export interface EvaluateOutcome {
  record: RunRecord;
  /** Every result in memory, read from results.jsonl when first asked for (tests, library use). */
  readonly results: CaseResult[];
  /** results.jsonl, sorted: what reporters stream. */
  resultsFile: string;
  runDir: string;
  reportsDir: string;
  root: string;
  /** Absolute path of the experiment log named in the config. */
  experimentLog: string;
  /** gate.max_drop from the config, for the change-vs-baseline chart. */
  gateMargins: Record<string, number>;
  /** The retrieval index folder, or null without retrieval (for chunk texts in report.html). */
  indexDir: string | null;
}

export async function evaluate(options: EvaluateOptions): Promise<EvaluateOutcome> {
  // A resumed run takes over the options it began with (src/resume/resume-options.ts).
  if (options.resume && !options.resumeDir) return evaluate(await resumeOptions(options));
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();
  const t0 = clock.monotonic();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number): number => {
    const now = clock.monotonic();
    timings[name] = Math.round((now - since) * 10) / 10;
    return now;
  };

  const loaded = await loadConfig(options.configPath, options.env, { overrides: options.configOverrides });
  const { config, root } = loaded;
  const configFile = path.relative(process.cwd(), loaded.file) || loaded.file;
  checkRequestedSuites(config, options.suites, configFile);
  const rng = createRng(config.seed);
  const created = await createModels({
    config,
    root,
    configFile,
    env: options.env,
    requested: options.providers,
    useCache: options.useCache ?? true,
    clock,
    rng,
    onNote: options.onNote,
    moduleClosers: options.moduleClosers,
  });
  let batch: ReturnType<typeof startBatchRun>;
  try {
    batch = startBatchRun({ ...options, config, root, configFile, clock, models: created.models });
  } catch (error) {
    await closeInOrder([() => created.close()], {
      runFailed: true,
      onNote: options.onNote,
      env: options.env,
    });
    throw error;
  }
  let rag: RagRuntime | null = null;
  // Cleared once the run has produced its result (closeInOrder: which error the caller sees).
  let runFailed = true;
  try {
    for (const s of created.skipped) options.onNote?.(`skipping ${s.id}: ${s.reason}`);
    const suites = await prepareSuites({
      loaded,
      models: created.models,
      replayModels: created.replayBySuite,
      onlySuites: options.suites,
      rng,
    });
    const includeCase = options.includeCase;
    if (includeCase)
      for (const s of suites)
        s.variants = filterCaseVariants(s.variants, (v) => includeCase(s.config.name, v.baseId));
    for (const s of suites) {
      if (s.config.task !== 'retrieval' && s.models.length === 0)
        options.onNote?.(`suite ${s.config.name} has no available provider and is skipped`);
    }
    if (suites.every((s) => s.config.task !== 'retrieval' && s.models.length === 0)) {
      throw new InputError({
        code: 'NO_PROVIDERS',
        file: configFile,
        field: 'providers',
        message: 'no provider is available to run (set an API key or add local/extractive)',
      });
    }
    let t = lap('load', t0);

    // Read (and validate) the baseline before any model call, so a broken file costs nothing.
    const baseline = await readBaseline(path.resolve(root, config.gate.baseline), config.gate.baseline);

    if (config.rag && suites.some((s) => s.config.task === 'rag-qa' || s.config.task === 'retrieval')) {
      // Loaded on demand: runs without a knowledge base skip hnswlib and the index code.
      const { createRagRuntime } = await import('./rag-runtime.js');
      rag = await createRagRuntime({
        rag: config.rag,
        root,
        env: options.env,
        configFile,
        onNote: options.onNote,
        rerankModel: created.reranker?.languageModel,
        cacheDir: options.useCache === false ? undefined : path.resolve(root, config.cache_dir),
        moduleClosers: options.moduleClosers,
      });
    }
    t = lap('index', t);

    const reportsDir = path.resolve(root, options.reportsDir ?? config.reports_dir);
    // A bad selection (an unknown --case, a filter matching nothing) fails before the run folder
    // exists, so it leaves no unfinished run behind for --resume to find.
    // Chosen once, from the whole plan: the shard deal and the sample's per-suite shares depend
    // on every suite, so a pass over fewer suites (the batch planning pass) must not re-select.
    const repeat = options.repeat ?? config.repeat;
    const chosen = options.selection ? chooseCases(suites, repeat, options.selection, config.seed) : null;
    /** The chosen jobs, less those an interrupted run already wrote (`done`). */
    const include = (done: ReadonlySet<string>): ((job: CaseJob) => boolean) | undefined =>
      chosen || done.size > 0
        ? (job) => (!chosen || chosen.includes(job)) && !done.has(jobKey(job))
        : undefined;
    const priceTable = createConfigPriceTable(config.pricing);
    // --resume: what the interrupted run wrote is neither estimated, re-batched nor paid again.
    const fingerprint = runFingerprint({
      configHash: loaded.hash,
      corpusHash: rag?.corpusHash ?? null,
      seed: config.seed,
      suites,
      metricDefinitions: metricDefinitions(config.hallucination_threshold),
    });
    // Checked before the spend check and the batches: a refused resume pays for nothing.
    const prior = options.resumeDir
      ? await readPriorResults(options.resumeDir, { fingerprint, configFile })
      : null;
    const done = prior?.done ?? new Set<string>();
    const spend = await prepareSpend({
      spend: options.spend,
      config,
      configFile,
      suites,
      repeat: options.repeat ?? config.repeat,
      concurrency: options.concurrency ?? config.concurrency,
      retrieval: rag,
      cache: options.useCache === false ? null : created.cache,
      prices: priceTable,
      baseline,
      include: include(done),
      priorSpentUsd: prior?.costUsd,
      onNote: options.onNote,
    });
    const judgeHandle = created.judge;
    const scorer = createCaseScoringStep({
      k: config.rag?.retrieve.k ?? 5,
      passThreshold: config.pass_threshold,
      hallucinationThreshold: config.hallucination_threshold,
      embedder: rag?.embedder ?? createHashEmbedder({ dimension: 256 }),
      // Offline (`judge: none`) the judge scores are left out rather than reported as null rows.
      judge:
        config.judge === 'none'
          ? undefined
          : await createJudgeScorer({
              // Under the spending limit call by call, a batch-paid job's judge included.
              model: guardJudgeModel(judgeHandle, spend?.guard, priceTable),
              rubric: config.judge_rubric,
            }),
      judgeCostUsd: judgeHandle
        ? (usage) => priceTable.costUsd({ model: judgeHandle.id, usage: { ...usage, estimated: false } })
        : undefined,
      assertions: createAssertionRunner({ root, configFile, judge: judgeHandle?.languageModel ?? null }),
    });
    const jobs = {
      suites,
      concurrency: options.concurrency ?? config.concurrency,
      repeat: options.repeat ?? config.repeat,
      runtime: {
        clock,
        retrieve: rag?.retrieve,
        assemble: rag?.assemble,
        shortVectorList: rag?.shortVectorList,
        costUsd: batch.costUsd((model, usage) => priceTable.costUsd({ model, usage })),
        rerankCost: rag && created.reranker ? rerankPricing(rag, created.reranker.id, priceTable) : undefined,
        scorer,
      },
    };
    // --batch: one planning pass lists the missing requests, batches answer them into the cache.
    await batch.prefill((plan) =>
      runJobs({
        ...jobs,
        suites: plan.suites(suites),
        runtime: plan.runtime(jobs.runtime),
        onResult: plan.onResult,
        include: include(done),
      }),
    );
    if (options.batch) t = lap('batch', t);
    // Opened after the spend check and the batches: a run refused for its budget, or an
    // interrupted --batch run, leaves no half-made run folder.
    const opened = await openRun({
      reportsDir,
      startedAt,
      salt: randomBytes(4).toString('hex'),
      fingerprint,
      options: {
        suites: options.suites,
        providers: options.providers,
        repeat: options.repeat,
        useCache: options.useCache,
        hypothesis: options.hypothesis,
        allowMissingProviders: options.allowMissingProviders,
        selection: options.selection,
        maxCostUsd: options.spend?.maxCostUsd,
      },
      resumeDir: options.resumeDir,
      prior: prior ?? undefined,
      configFile,
    });
    const { runId, runDir, writer } = opened;
    try {
      await runJobs({
        ...jobs,
        // Awaited: a case's line reaches the OS before its slot frees, so a kill loses at most
        // `concurrency` cases (resume). Nothing is kept in memory (constant-memory runs).
        onResult: (result) => writer.write(result),
        onProgress: options.onProgress,
        // A job a batch answered was paid when the batch was accepted: never held back.
        admit: spend?.guard ? (job) => batch.prepaid(jobKey(job)) || spend.guard!.admit(job) : undefined,
        settle: spend?.guard?.settle,
        include: include(opened.done),
        // Every written result is a job of this plan (the fingerprint and the selection are the
        // ones the run began with), so what is left is the plan less what was written.
        total: Math.max(0, (chosen?.jobs ?? countPlannedJobs(suites, repeat)) - opened.done.size),
      });
    } catch (error) {
      throw withCasesChangedHint(error, runId);
    } finally {
      await writer.close();
    }
    t = lap('cases', t);

    // Results were streamed in completion order (crash-safe); one streaming pass reads them into
    // typed columns and rewrites results.jsonl in its stable order (see sortResults).
    collectAtPhaseBoundary('cases');
    const columns = await readRunColumns(runDir, { sortFile: true });
    const git = await gitInfo(root);
    const manifest: RunManifest = {
      schemaVersion: 2,
      runId,
      name: config.name,
      startedAt: new Date(startedAt).toISOString(),
      finishedAt: new Date(clock.now()).toISOString(),
      durationMs: Math.round(clock.monotonic() - t0),
      gitSha: git.sha,
      gitDirty: git.dirty,
      configHash: loaded.hash,
      configFile: path.relative(root, loaded.file),
      corpusHash: rag?.corpusHash ?? null,
      seed: config.seed,
      repeat: options.repeat ?? config.repeat,
      hypothesis: options.hypothesis ?? null,
      ...(options.sweep ? { sweep: options.sweep } : {}),
      ...runFilters(options),
      ...(opened.resumed && { resumed: opened.resumed }),
      providers: uniqueProviders(suites).map((p) =>
        p.baseUrl ? { ...p, baseUrl: redactUrl(p.baseUrl, options.env) } : p,
      ),
      skippedProviders: created.skipped.filter((s) => config.providers.some((p) => p.id === s.id)),
      prompts: Object.fromEntries(
        suites.filter((s) => s.prompt).map((s) => [s.prompt!.id, s.prompt!.versionId]),
      ),
      generation: generationSettings(suites),
      metricDefinitions: metricDefinitions(config.hallucination_threshold),
      ...(config.hallucination_threshold !== undefined && {
        hallucinationThreshold: config.hallucination_threshold,
      }),
      retrieval: rag ? rag.describe : null,
      suites: suites.map((s) =>
        withLazyCaseHashes(
          {
            name: s.config.name,
            task: s.config.task,
            cases: s.variants.length,
            file: s.casesPath,
            fileHash: s.fileHash,
          },
          s.caseHashesJson,
        ),
      ),
      packageVersions: packageVersions(),
      timings,
      counts: resultCounts(columns),
      ...(spend?.guard ? { budget: spend.guard.summary() } : {}),
      ...batch.manifest(),
    };
    const record = await buildRunRecord({
      manifest,
      columns,
      config,
      root,
      baseline,
      today: new Date(clock.now()).toISOString().slice(0, 10),
      allowMissingProviders: options.allowMissingProviders,
    });
    lap('statistics', t);
    // The whole run, statistics included: the report's "took N s" is what the user waited.
    manifest.finishedAt = new Date(clock.now()).toISOString();
    manifest.durationMs = Math.round(clock.monotonic() - t0);
    await writeRunRecord(runDir, record);
    let inMemory: CaseResult[] | undefined;
    runFailed = false;
    return {
      record,
      // Read on first use only: the CLI streams results.jsonl instead of holding the run.
      get results() {
        inMemory ??= loadResultsSync(path.join(runDir, RESULTS_FILE));
        return inMemory;
      },
      resultsFile: path.join(runDir, RESULTS_FILE),
      runDir,
      reportsDir,
      root,
      experimentLog: path.resolve(root, config.experiments_log),
      gateMargins: config.gate.max_drop,
      indexDir: config.rag ? path.resolve(root, config.rag.index_dir) : null,
    };
  } finally {
    // The index first, then the user modules' `close` (a retriever module's pool is theirs); each
    // runs even when one before it throws, and a failed run's own error is the one reported.
    await closeInOrder([() => batch.close(), () => rag?.close(), () => created.close()], {
      runFailed,
      onNote: options.onNote,
      env: options.env,
    });
  }
}

/** The job's result identity, to skip what a resumed run already wrote. */
function jobKey(job: CaseJob): string {
  return resultKey({
    suite: job.suite.config.name,
    caseId: job.variant.evalCase.id,
    provider: job.model?.id ?? 'retrieval',
    repeat: job.repeat,
  });
}

/** Prices what the reranker spent on a query with the reranker's own model. */
function rerankPricing(
  rag: RagRuntime,
  rerankerId: string,
  prices: PriceTable,
): (query: string) => NonNullable<CaseResult['rerank']> | undefined {
  return (query) => {
    const usage = rag.rerankUsage(query);
    if (!usage) return undefined;
    return {
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      estimated: usage.estimated,
      costUsd: prices.costUsd({ model: rerankerId, usage }),
      ...(usage.fellBack ? { fellBack: true } : {}),
    };
  };
}

function generationSettings(suites: Awaited<ReturnType<typeof prepareSuites>>): RunManifest['generation'] {
  const out: NonNullable<RunManifest['generation']> = {};
  for (const s of suites) {
    if (!s.prompt) continue;
    out[s.prompt.versionId] = {
      temperature: s.prompt.frontMatter.temperature,
      maxTokens: s.prompt.frontMatter.max_tokens,
      fewShot: s.fewShot.length,
      fewShotFile: s.fewShot.length > 0 ? s.prompt.fewShotFile : null,
    };
  }
  return out;
}

function uniqueProviders(suites: Awaited<ReturnType<typeof prepareSuites>>): RunManifest['providers'] {
  const seen = new Map<string, RunManifest['providers'][number]>();
  for (const s of suites)
    for (const m of s.models)
      if (!seen.has(m.id))
        seen.set(m.id, {
          id: m.id,
          provider: m.provider,
          model: m.model,
          ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}),
          ...(m.config.classifier ? { classifier: m.config.classifier } : {}),
        });
  return [...seen.values()];
}

/** Completion order is not deterministic; reports and baselines read results in this order. */
export function sortResults(results: CaseResult[]): CaseResult[] {
  return results
    .slice()
    .sort((a, b) =>
      a.suite < b.suite
        ? -1
        : a.suite > b.suite
          ? 1
          : a.provider < b.provider
            ? -1
            : a.provider > b.provider
              ? 1
              : a.caseId < b.caseId
                ? -1
                : a.caseId > b.caseId
                  ? 1
                  : a.repeat - b.repeat,
    );
}
