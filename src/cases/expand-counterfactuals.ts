// Counterfactual expansion for the bias audit: a case whose text holds placeholders such as
// `{{name}}` or `{{pronoun}}` becomes one variant per group of each attribute that defines
// them. Placeholders owned by other attributes are held fixed at that attribute's first group,
// so variants of one attribute differ only in that attribute.
import { InputError } from '../core/errors.js';
import { hashSeed } from '../core/rng.js';
import type { BiasConfig } from '../config/schema.js';
import type { EvalCase } from './eval-case.js';
import { fillPlaceholders } from './placeholders.js';

export interface CaseVariant {
  evalCase: EvalCase;
  baseId: string;
  variant?: { attribute: string; group: string };
}

export function expandCounterfactuals(
  cases: EvalCase[],
  bias: BiasConfig,
  displayPath: string,
): CaseVariant[] {
  const expand = counterfactualExpander(bias, displayPath);
  return cases.flatMap(expand);
}

/** The same expansion one case at a time, for a cases file read line by line. */
export function counterfactualExpander(
  bias: BiasConfig,
  displayPath: string,
): (evalCase: EvalCase) => CaseVariant[] {
  const attributes = Object.entries(bias.attributes);
  const owner = new Map<string, string>();
  for (const [attribute, spec] of attributes) {
    for (const values of Object.values(spec.groups))
      for (const key of Object.keys(values)) if (!owner.has(key)) owner.set(key, attribute);
  }
  return (evalCase) => {
    if (evalCase.placeholders.length === 0) return [{ evalCase, baseId: evalCase.id }];
    for (const placeholder of evalCase.placeholders) {
      if (!owner.has(placeholder)) {
        throw new InputError({
          code: 'CASE_PLACEHOLDER',
          file: displayPath,
          line: evalCase.line,
          field: `{{${placeholder}}}`,
          message:
            'placeholder is not defined by any bias attribute in the config (bias.attributes.<attribute>.groups)',
        });
      }
    }
    const out: CaseVariant[] = [];
    const used = attributes.filter(([name]) => evalCase.placeholders.some((p) => owner.get(p) === name));
    const neutral = neutralValues(evalCase.id, attributes);
    for (const [attribute, spec] of used) {
      for (const [group, values] of Object.entries(spec.groups)) {
        const fill = { ...neutral, ...pickValues(evalCase.id, attribute, group, values) };
        out.push({
          evalCase: substitute(evalCase, fill, attribute, group),
          baseId: evalCase.id,
          variant: { attribute, group },
        });
      }
    }
    return out;
  };
}

/** Values of every attribute's first group, used for placeholders not under test. */
function neutralValues(
  caseId: string,
  attributes: [string, BiasConfig['attributes'][string]][],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [attribute, spec] of attributes) {
    const [group, groupValues] = Object.entries(spec.groups)[0];
    for (const [k, v] of Object.entries(pickValues(caseId, attribute, group, groupValues)))
      if (!(k in values)) values[k] = v;
  }
  return values;
}

/** A list value (e.g. several names for one group) is picked per case, deterministically. */
function pickValues(
  caseId: string,
  attribute: string,
  group: string,
  values: Record<string, string | string[]>,
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    picked[key] = Array.isArray(value)
      ? value[hashSeed(`${caseId}:${attribute}:${group}:${key}`) % value.length]
      : value;
  }
  return picked;
}

function substitute(
  evalCase: EvalCase,
  fill: Record<string, string>,
  attribute: string,
  group: string,
): EvalCase {
  const id = `${evalCase.id}[${attribute}=${group}]`;
  const f = (text: string): string => fillPlaceholders(text, fill);
  switch (evalCase.task) {
    case 'classify':
      return { ...evalCase, id, input: f(evalCase.input) };
    case 'generate':
      return {
        ...evalCase,
        id,
        input: f(evalCase.input),
        ...(evalCase.messages
          ? { messages: evalCase.messages.map((m) => ({ ...m, content: f(m.content) })) }
          : {}),
      };
    case 'retrieval':
      return { ...evalCase, id, query: f(evalCase.query) };
    case 'mcq':
      return {
        ...evalCase,
        id,
        context: f(evalCase.context),
        question: f(evalCase.question),
        options: evalCase.options.map(f),
      };
    default:
      return {
        ...evalCase,
        id,
        question: f(evalCase.question),
        references: evalCase.references.map(f),
        context: evalCase.context ? f(evalCase.context) : undefined,
      };
  }
}
