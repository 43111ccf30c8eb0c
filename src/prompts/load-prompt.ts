// Loads `<id>@v<N>` from prompts/<id>/v<N>.md (+ few_shot.jsonl) and checks its variables
// against the task. The version recorded in results is `<id>@v<N>#<content-hash>`, so an
// edited file without a new version number is still detected.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { shortHash } from '../core/hash.js';
import type { TaskKind } from '../core/task.js';
import type { FewShotExample } from '../providers/language-model.js';
import { parseFewShot } from './few-shot.js';
import { parsePromptFile, type PromptFrontMatter } from './prompt-file.js';
import { checkTemplateVariables } from './template.js';

export const TASK_VARIABLES = {
  'rag-qa': ['question', 'context', 'few_shot'],
  qa: ['question', 'context', 'few_shot'],
  classify: ['input', 'question', 'labels', 'few_shot'],
  mcq: ['question', 'context', 'options'],
  retrieval: ['question'],
  generate: ['question', 'input', 'few_shot'],
} as const satisfies Record<TaskKind, readonly string[]>;

export interface LoadedPrompt {
  ref: string;
  id: string;
  version: number;
  /** `<id>@v<N>#<hash8>` */
  versionId: string;
  file: string;
  frontMatter: PromptFrontMatter;
  template: string;
  fewShot: FewShotExample[];
  /** The few-shot file read (relative to the root), null when there was none. */
  fewShotFile: string | null;
}

export async function loadPrompt(options: {
  ref: string;
  root: string;
  task: TaskKind;
  suiteField: string;
  configFile: string;
}): Promise<LoadedPrompt> {
  const match = /^([\w-]+)@v(\d+)$/.exec(options.ref);
  if (!match)
    throw new InputError({
      code: 'PROMPT_REF',
      file: options.configFile,
      field: options.suiteField,
      message: `expected "<prompt-id>@v<N>", got "${options.ref}"`,
    });
  const [, id, version] = match;
  const relative = path.join('prompts', id, `v${version}.md`);
  const file = path.join(options.root, relative);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError({
      code: 'PROMPT_NOT_FOUND',
      file: options.configFile,
      field: options.suiteField,
      message: `prompt file ${relative} not found`,
    });
  }
  const parsed = parsePromptFile(text, relative);
  checkTemplateVariables({
    template: parsed.template,
    allowed: TASK_VARIABLES[options.task],
    file: relative,
    firstLine: parsed.templateLine,
    task: options.task,
  });
  if (parsed.frontMatter.system) {
    // The system message is a template too; point at its line in the front matter.
    const systemLine = text.split('\n').findIndex((l) => /^system\s*:/.test(l)) + 1;
    checkTemplateVariables({
      template: parsed.frontMatter.system,
      allowed: TASK_VARIABLES[options.task],
      file: relative,
      firstLine: Math.max(1, systemLine),
      task: options.task,
    });
  }
  // A version may pin its own examples, so editing them for v3 cannot change what v2 measured.
  const pinned = parsed.frontMatter.few_shot.file;
  const fewShotRelative = path.join('prompts', id, pinned ?? 'few_shot.jsonl');
  let fewShotText = '';
  try {
    fewShotText = await readFile(path.join(options.root, fewShotRelative), 'utf8');
  } catch {
    if (pinned)
      throw new InputError({
        code: 'FEW_SHOT_NOT_FOUND',
        file: relative,
        field: 'few_shot.file',
        message: `${fewShotRelative} does not exist`,
      });
    if (parsed.frontMatter.few_shot.count > 0) {
      throw new InputError({
        code: 'FEW_SHOT_NOT_FOUND',
        file: relative,
        field: 'few_shot.count',
        message: `asks for ${parsed.frontMatter.few_shot.count} examples but ${fewShotRelative} does not exist`,
      });
    }
  }
  const fewShot = parseFewShot(fewShotText, fewShotRelative);
  return {
    ref: options.ref,
    id,
    version: Number(version),
    versionId: `${options.ref}#${shortHash(`${text}\u0000${fewShotText}`)}`,
    file: relative,
    frontMatter: parsed.frontMatter,
    template: parsed.template,
    fewShot,
    fewShotFile: fewShotText ? fewShotRelative : null,
  };
}
