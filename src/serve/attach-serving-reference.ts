// Called by `baseline accept`: adds the `serving` section (what serve checks at start-up and
// what monitor compares against) to the baseline about to be written. The index key is taken
// from the config's retrieval settings today, so it is only stored when the corpus still has
// the content hash the accepted run was evaluated on.
import path from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { InputError } from '../core/errors.js';
import { ragIndexKey } from '../pipeline/rag-runtime.js';
import type { Baseline, CaseResult, RunRecord } from '../run/types.js';
import { buildServingReference, storedServingReference } from './serving-reference.js';

export async function withServingReference(
  baseline: Baseline,
  options: {
    loaded: LoadedConfig;
    record: RunRecord;
    results: readonly CaseResult[];
    env: Readonly<Record<string, string | undefined>>;
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
  return { ...baseline, serving: storedServingReference(serving) } as Baseline;
}
