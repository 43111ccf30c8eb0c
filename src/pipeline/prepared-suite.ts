// What the runner needs for one suite, resolved up front so a bad prompt or case file fails
// before any model is called.
import type { CaseVariants } from '../cases/case-file-source.js';
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
  /** Read from the cases file again on every pass (cases/case-file-source.ts); tests may pass an array. */
  variants: CaseVariants;
  models: ModelHandle[];
  /** Content hash of the cases file (of `caseHashesJson`). */
  fileHash: string;
  /** Gold case id → content hash, as JSON text: parsed only for the run's manifest. */
  caseHashesJson: string;
}
