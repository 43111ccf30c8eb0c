// Fills a request template from one case: `{{question}}`, `{{input}}`, `{{id}}`, `{{prompt}}`,
// `{{messages}}` and `{{vars.<name>}}`. A string that is exactly one placeholder takes the raw
// value (so `"{{vars.filters}}"` can send an object); elsewhere values are spliced in as text.
// `${ENV}` is a different, later step (expand-env-at-request.ts): secrets never pass through here.

export interface TemplateVariables {
  id: string;
  input: string;
  question: string;
  prompt: string;
  messages: { role: string; content: string }[];
  vars: Record<string, unknown>;
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;
const WHOLE = /^\{\{\s*([\w.-]+)\s*\}\}$/;
const TOP_LEVEL = new Set(['id', 'input', 'question', 'prompt', 'messages']);

/** Names a template uses that no case can fill; checked when the provider is created. */
export function unknownTemplateNames(template: unknown): string[] {
  const out: string[] = [];
  visitStrings(template, (s) => {
    for (const m of s.matchAll(PLACEHOLDER)) {
      const name = m[1];
      if (!TOP_LEVEL.has(name) && !/^vars\.[\w-]+(\.[\w-]+)*$/.test(name)) out.push(name);
    }
  });
  return out;
}

export class MissingVariableError extends Error {}

export function renderTemplate(
  template: unknown,
  variables: TemplateVariables,
  encode: (text: string) => string = (t) => t,
): unknown {
  if (typeof template === 'string') return renderString(template, variables, encode);
  if (Array.isArray(template)) return template.map((t) => renderTemplate(t, variables, encode));
  if (template && typeof template === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(template)) out[k] = renderTemplate(v, variables, encode);
    return out;
  }
  return template;
}

function renderString(text: string, variables: TemplateVariables, encode: (t: string) => string): unknown {
  if (!text.includes('{{')) return text;
  const whole = WHOLE.exec(text);
  if (whole) return lookup(variables, whole[1]);
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    const value = lookup(variables, name);
    return encode(typeof value === 'string' ? value : JSON.stringify(value));
  });
}

function lookup(variables: TemplateVariables, name: string): unknown {
  if (TOP_LEVEL.has(name)) return variables[name as keyof TemplateVariables];
  let current: unknown = variables.vars;
  for (const part of name.split('.').slice(1)) {
    current =
      current && typeof current === 'object' && Object.hasOwn(current, part)
        ? (current as Record<string, unknown>)[part]
        : undefined;
  }
  if (current === undefined) throw new MissingVariableError(`the case has no {{${name}}}`);
  return current;
}

function visitStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) visitStrings(v, visit);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) visitStrings(v, visit);
}
