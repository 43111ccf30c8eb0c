// Loads every suite's prompt, checks its cases (bias probes expanded) and selects few-shot
// examples, so every input error surfaces before the first model call. The cases themselves
// are not kept: each suite's `variants` reads its file again when the run iterates it.
import path from 'node:path';
import { checkAssertionFiles } from '../assertions/check-assertion-files.js';
import { scanCaseFile } from '../cases/case-file-source.js';
import type { EvalCase } from '../cases/eval-case.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { Rng } from '../core/rng.js';
import { InputError } from '../core/errors.js';
import { shortHash } from '../core/hash.js';
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
    const replay = options.replayModels.get(suite.name);
    const models =
      suite.task === 'retrieval'
        ? []
        : replay
          ? [replay]
          : options.models.filter((m) => !suite.providers || suite.providers.includes(m.id));
    // Scoring answers produced elsewhere: every case needs one, or the input is incomplete.
    const replayed = models.filter((m) => m.hasCase);
    const missing: string[] = [];
    let missingCount = 0;
    // Only the cases that carry assertions, and of them only what the file check reads.
    const asserted: Pick<EvalCase, 'line' | 'assert'>[] = [];
    // One pass over the file checks every case; the run reads it again (case-file-source.ts).
    const scanned = scanCaseFile({
      file: path.resolve(root, casesPath),
      displayPath: casesPath,
      task: suite.task,
      labels: suite.labels,
      bias: config.bias,
      visit: (evalCase, variants) => {
        if (evalCase.assert?.length) asserted.push({ line: evalCase.line, assert: evalCase.assert });
        for (const model of replayed)
          for (const v of variants)
            if (!model.hasCase!(v.evalCase.id)) {
              missingCount++;
              if (missing.length < 3) missing.push(v.evalCase.id);
            }
      },
    });
    await checkAssertionFiles({
      root,
      suiteAssertions: suite.assert,
      suiteField: `suites.${index}.assert`,
      configFile,
      cases: asserted,
      casesPath,
    });
    const { variants, caseHashesJson } = scanned;
    const fewShot = prompt
      ? selectFewShot({
          examples: prompt.fewShot,
          count: prompt.frontMatter.few_shot.count,
          selection: prompt.frontMatter.few_shot.selection,
          rng: rng.fork(`few-shot:${suite.name}`),
        })
      : [];
    if (missingCount > 0) {
      throw new InputError({
        code: 'REPLAY_MISSING',
        file: replayed[0].model,
        message: `no output for ${missingCount} of ${variants.length} cases of suite ${suite.name} (first: ${missing.join(', ')})`,
      });
    }
    const fileHash = shortHash(caseHashesJson, 12);
    prepared.push({ config: suite, casesPath, prompt, fewShot, variants, models, fileHash, caseHashesJson });
  }
  return prepared;
}
