// Loads every suite's prompt and cases, expands bias probes and selects few-shot examples,
// so every input error surfaces before the first model call.
import path from 'node:path';
import { checkAssertionFiles } from '../assertions/check-assertion-files.js';
import { expandCounterfactuals } from '../cases/expand-counterfactuals.js';
import { loadCases } from '../cases/load-cases.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { Rng } from '../core/rng.js';
import { InputError } from '../core/errors.js';
import { hashValue, shortHash } from '../core/hash.js';
import { loadPrompt } from '../prompts/load-prompt.js';
import { selectFewShot } from '../prompts/few-shot.js';
import type { ModelHandle } from '../providers/model-handle.js';
import type { PreparedSuite } from './prepared-suite.js';

export interface PrepareSuitesOptions {
  loaded: LoadedConfig;
  models: ModelHandle[];
  /** Model handles for suites that score stored outputs, by suite name. */
  replayModels: Map<string, ModelHandle>;
  onlySuites?: string[];
  rng: Rng;
}

export async function prepareSuites(options: PrepareSuitesOptions): Promise<PreparedSuite[]> {
  const { loaded, rng } = options;
  const { config, root } = loaded;
  const configFile = path.relative(process.cwd(), loaded.file) || loaded.file;
  const selected = config.suites.filter((s) => !options.onlySuites || options.onlySuites.includes(s.name));
  const prepared: PreparedSuite[] = [];
  for (const suite of selected) {
    const index = config.suites.indexOf(suite);
    const prompt =
      suite.prompt && !suite.outputs
        ? await loadPrompt({
            ref: suite.prompt,
            root,
            task: suite.task,
            suiteField: `suites.${index}.prompt`,
            configFile,
          })
        : null;
    const casesPath = suite.cases;
    const cases = await loadCases({
      file: path.resolve(root, casesPath),
      displayPath: casesPath,
      task: suite.task,
      labels: suite.labels,
    });
    await checkAssertionFiles({
      root,
      suiteAssertions: suite.assert,
      suiteField: `suites.${index}.assert`,
      configFile,
      cases,
      casesPath,
    });
    const variants = expandCounterfactuals(cases, config.bias, casesPath);
    const fewShot = prompt
      ? selectFewShot({
          examples: prompt.fewShot,
          count: prompt.frontMatter.few_shot.count,
          selection: prompt.frontMatter.few_shot.selection,
          rng: rng.fork(`few-shot:${suite.name}`),
        })
      : [];
    const replay = options.replayModels.get(suite.name);
    const models =
      suite.task === 'retrieval'
        ? []
        : replay
          ? [replay]
          : options.models.filter((m) => !suite.providers || suite.providers.includes(m.id));
    for (const model of models) {
      if (!model.hasCase) continue;
      // Scoring answers produced elsewhere: every case needs one, or the input is incomplete.
      const missing = variants.map((v) => v.evalCase.id).filter((id) => !model.hasCase!(id));
      if (missing.length > 0) {
        throw new InputError({
          code: 'REPLAY_MISSING',
          file: model.model,
          message: `no output for ${missing.length} of ${variants.length} cases of suite ${suite.name} (first: ${missing.slice(0, 3).join(', ')})`,
        });
      }
    }
    // Hash the parsed case, not its line: reformatting the file is not an edit of the case.
    const caseHashes = Object.fromEntries(cases.map((c) => [c.id, hashValue(c).slice(0, 12)]));
    const fileHash = shortHash(JSON.stringify(caseHashes), 12);
    prepared.push({ config: suite, casesPath, prompt, fewShot, variants, models, fileHash, caseHashes });
  }
  return prepared;
}
