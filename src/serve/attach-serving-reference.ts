// Called by `baseline accept`: adds the `serving` section (what serve checks at start-up and
// what monitor compares against) to the baseline about to be written. The index key is taken
// from the config's retrieval settings today, so it is only stored when the corpus still has
// the content hash the accepted run was evaluated on.
import path from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { InputError } from '../core/errors.js';
import { ragIndexKey } from '../pipeline/rag-runtime.js';
import type { Baseline, CaseResult, RunRecord } from '../run/types.js';
import { centroidOf, corpusVocabulary, inputFeatures } from '../monitor/input-features.js';
import type { ModuleClosers } from '../providers/module/module-closers.js';
import type { Embedder } from '../rag/embedder.js';
import { loadCorpus } from '../rag/corpus-loader.js';
import { buildServingReference, storedServingReference, type ServingReference } from './serving-reference.js';

/**
 * OOV rates against the corpus and embedding distances from each suite's eval-input centroid:
 * the reference for the input-drift signals, computed with the index's own embedder.
 */
async function addInputFeatures(
  serving: ServingReference,
  results: readonly CaseResult[],
  loaded: LoadedConfig,
  env: Readonly<Record<string, string | undefined>>,
  moduleClosers: ModuleClosers | undefined,
): Promise<void> {
  const rag = loaded.config.rag!;
  // A rag.retriever module stands in for the corpus: there is none to measure OOV against.
  const vocabulary = rag.retriever
    ? null
    : corpusVocabulary(loadCorpus(path.resolve(loaded.root, rag.corpus)).documents);
  const { createRagRuntime } = await import('../pipeline/rag-runtime.js');
  const runtime = await createRagRuntime({
    rag,
    root: loaded.root,
    env,
    configFile: path.relative(process.cwd(), loaded.file) || loaded.file,
    memoize: false,
    moduleClosers,
  });
  try {
    await addFeaturesWith(runtime.embedder);
  } finally {
    await runtime.close();
  }

  async function addFeaturesWith(embedder: Embedder): Promise<void> {
    for (const [suite, byProvider] of Object.entries(serving.reference))
      for (const [provider, dist] of Object.entries(byProvider)) {
        const texts = results.filter((r) => r.suite === suite && r.provider === provider).map((r) => r.input);
        if (texts.length === 0) continue;
        const centroid = centroidOf(await embedder.embed(texts));
        const features = await inputFeatures({ texts, vocabulary, embedder, centroid });
        dist.oovRate = features.flatMap((f) =>
          f.oovRate === null ? [] : [Math.round(f.oovRate * 1e6) / 1e6],
        );
        dist.centroidDistance = features.flatMap((f) =>
          f.centroidDistance === null ? [] : [f.centroidDistance],
        );
        dist.centroid = Array.from(centroid, (x) => Math.round(x * 1e6) / 1e6);
      }
  }
}

export async function withServingReference(
  baseline: Baseline,
  options: {
    loaded: LoadedConfig;
    record: RunRecord;
    results: readonly CaseResult[];
    env: Readonly<Record<string, string | undefined>>;
    /** Where a `rag.retriever` module's `close` export is registered; the caller closes it. */
    moduleClosers?: ModuleClosers;
  },
): Promise<Baseline> {
  const { loaded, record } = options;
  const { config, root } = loaded;
  let indexKey: string | null = null;
  if (config.rag && record.manifest.corpusHash) {
    const configFile = path.relative(process.cwd(), loaded.file) || loaded.file;
    const current = await ragIndexKey({ rag: config.rag, root, env: options.env, configFile });
    if (current.corpusHash !== record.manifest.corpusHash)
      throw new InputError({
        code: 'BASELINE_STALE_CORPUS',
        file: config.rag.corpus,
        message: `the corpus changed since run ${record.manifest.runId} was evaluated; run \`evalgate eval\` again and accept that run`,
      });
    indexKey = current.key;
  }
  const serving = buildServingReference({
    config,
    record,
    results: options.results,
    indexKey,
    env: options.env,
    isDeclined: (r) => r.scores['answer.declined'] === 1,
  });
  if (config.rag)
    await addInputFeatures(serving, options.results, loaded, options.env, options.moduleClosers);
  return { ...baseline, serving: storedServingReference(serving) } as Baseline;
}
