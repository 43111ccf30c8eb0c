// `{{variable}}` templates. Variables are checked when the prompt is loaded, so a typo fails the
// run up front with the file and line instead of rendering an empty string into every request.
import { InputError } from '../core/errors.js';

const VARIABLE = /\{\{\s*([a-zA-Z_][\w]*)\s*\}\}/g;

export interface TemplateVariable {
  name: string;
  /** 1-based line within the template. */
  line: number;
}

export function templateVariables(template: string): TemplateVariable[] {
  const found: TemplateVariable[] = [];
  template.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(VARIABLE)) found.push({ name: m[1], line: i + 1 });
  });
  return found;
}

export function checkTemplateVariables(options: {
  template: string;
  allowed: readonly string[];
  file: string;
  firstLine: number;
  task: string;
}): void {
  for (const variable of templateVariables(options.template)) {
    if (!options.allowed.includes(variable.name)) {
      throw new InputError({
        code: 'PROMPT_UNKNOWN_VARIABLE',
        file: options.file,
        line: options.firstLine + variable.line - 1,
        field: `{{${variable.name}}}`,
        message: `unknown template variable for a ${options.task} prompt (allowed: ${options.allowed.map((v) => `{{${v}}}`).join(', ')})`,
      });
    }
  }
}

/** Renders in one pass; values are inserted verbatim (a value containing `{{x}}` is not re-expanded). */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(VARIABLE, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template variable {{${name}}} has no value`);
    return value;
  });
}
