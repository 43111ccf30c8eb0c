// Judge prompt templates: versioned markdown files in the package's templates/judges/ folder,
// rendered with `{{variable}}` placeholders. The folder is resolved from this module's URL, three
// levels up to the package root, which holds both from src/scorers/judge/ and dist/scorers/judge/.
import { readFile } from 'node:fs/promises';
import { InputError } from '../../core/errors.js';
import { shortHash } from '../../core/hash.js';

export const JUDGE_TEMPLATES_DIR = new URL('../../../templates/judges/', import.meta.url);

export const JUDGE_TEMPLATE_NAMES = [
  'rubric-v1',
  'claims-extract-v1',
  'claim-verdict-v1',
  'context-relevance-v1',
] as const;
export type JudgeTemplateName = (typeof JUDGE_TEMPLATE_NAMES)[number];

export interface JudgeTemplate {
  name: string;
  text: string;
  /** `<name>#<content-hash>`: recorded with judge scores, so an edited template is detected. */
  version: string;
}

export function judgeTemplate(name: string, text: string): JudgeTemplate {
  return { name, text, version: `${name}#${shortHash(text)}` };
}

export async function loadJudgeTemplate(name: JudgeTemplateName): Promise<JudgeTemplate> {
  const url = new URL(`${name}.md`, JUDGE_TEMPLATES_DIR);
  return judgeTemplate(name, await readFile(url, 'utf8'));
}

const VARIABLE = /\{\{\s*([a-zA-Z_][\w]*)\s*\}\}/g;

export function templateVariables(text: string): string[] {
  return Array.from(new Set(Array.from(text.matchAll(VARIABLE), (m) => m[1])));
}

/** Throws when the template uses a variable the judge does not provide (an error, not ''). */
export function assertTemplateVariables(template: JudgeTemplate, allowed: readonly string[]): void {
  const unknown = templateVariables(template.text).filter((v) => !allowed.includes(v));
  if (unknown.length > 0) {
    throw new InputError({
      code: 'JUDGE_TEMPLATE_VARIABLE',
      file: template.name,
      message: `unknown template variable {{${unknown[0]}}} (allowed: ${allowed.join(', ')})`,
    });
  }
}

export function renderJudgeTemplate(
  template: JudgeTemplate,
  variables: Readonly<Record<string, string>>,
): string {
  assertTemplateVariables(template, Object.keys(variables));
  // A function replacement, so `$&` and friends inside answers are inserted literally.
  return template.text.replace(VARIABLE, (_, name: string) => variables[name]);
}
