// What the runner needs for one suite, resolved up front so a bad prompt or case file fails
// before any model is called.
import type { CaseVariant } from '../cases/expand-counterfactuals.js';
import type { SuiteConfig } from '../config/schema.js';
import type { LoadedPrompt } from '../prompts/load-prompt.js';
import type { FewShotExample } from '../providers/language-model.js';
import type { ModelHandle } from '../providers/model-handle.js';

export interface PreparedSuite {
  config: SuiteConfig;
  /** Cases file relative to the project root, as shown in messages. */
  casesPath: string;
  prompt: LoadedPrompt | null;
  /** Selected once per run: every case sees the same examples. */
  fewShot: FewShotExample[];
  variants: CaseVariant[];
  models: ModelHandle[];
  /** Content hash of the cases file, and of each gold case by id. */
  fileHash: string;
  caseHashes: Record<string, string>;
}
