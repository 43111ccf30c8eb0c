// Parses a versioned prompt file: YAML front matter (model parameters, few-shot selection,
// optional system message) followed by the user-message template.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../core/errors.js';

export const PromptFrontMatterSchema = z.strictObject({
  description: z.string().optional(),
  temperature: z.number().min(0).max(2).default(0),
  max_tokens: z.number().int().positive().default(400),
  /** Overrides the provider's model for this prompt (same provider family). */
  model: z.string().optional(),
  system: z.string().optional(),
  few_shot: z
    .strictObject({
      count: z.number().int().min(0).default(0),
      selection: z.enum(['first', 'random', 'stratified']).default('first'),
      /** This version's own examples, relative to the prompt's folder (default few_shot.jsonl). */
      file: z
        .string()
        .regex(/^[\w.-]+\.jsonl$/, 'expected a .jsonl file name in the prompt folder')
        .optional(),
    })
    .prefault({}),
});

export type PromptFrontMatter = z.output<typeof PromptFrontMatterSchema>;

export interface ParsedPromptFile {
  frontMatter: PromptFrontMatter;
  template: string;
  /** 1-based line of the first template line in the file (for error messages). */
  templateLine: number;
}

export function parsePromptFile(text: string, file: string): ParsedPromptFile {
  const normalized = text.replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(normalized);
  if (!match) {
    return { frontMatter: PromptFrontMatterSchema.parse({}), template: normalized.trim(), templateLine: 1 };
  }
  let raw: unknown;
  try {
    raw = parseYaml(match[1]) ?? {};
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new InputError({
      code: 'PROMPT_FRONT_MATTER',
      file,
      line: line ? line + 1 : 1,
      message: `invalid YAML front matter: ${(error as Error).message.split('\n')[0]}`,
    });
  }
  const parsed = PromptFrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.');
    const line = findKeyLine(match[1], issue.path.map(String)[0]);
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message;
    throw new InputError({ code: 'PROMPT_FRONT_MATTER', file, line, field: field || undefined, message });
  }
  const templateLine = match[0].split('\n').length;
  return { frontMatter: parsed.data, template: normalized.slice(match[0].length).trim(), templateLine };
}

function findKeyLine(yamlText: string, key: string | undefined): number | undefined {
  if (!key) return 2;
  const index = yamlText.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return index >= 0 ? index + 2 : 2;
}
