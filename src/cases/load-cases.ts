// Loads a suite's JSONL gold cases: zod-validated per line, errors carry the line number,
// duplicate ids rejected, classify labels checked against the suite's label list.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import type { TaskKind } from '../core/task.js';
import { AssertionSchema, assertionProblem } from '../assertions/assertion-schema.js';
import {
  ClassifyCaseSchema,
  GenerateCaseSchema,
  McqCaseSchema,
  QaCaseSchema,
  RetrievalCaseSchema,
} from './case-schemas.js';
import type { EvalCase } from './eval-case.js';
import { findPlaceholders } from './placeholders.js';

export interface LoadCasesOptions {
  file: string;
  /** Path shown in messages (relative to the project root). */
  displayPath: string;
  task: TaskKind;
  labels?: string[];
}

export async function loadCases(options: LoadCasesOptions): Promise<EvalCase[]> {
  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch {
    throw casesNotFoundError(options.displayPath);
  }
  return parseCases(text, options);
}

export function casesNotFoundError(displayPath: string): InputError {
  return new InputError({ code: 'CASES_NOT_FOUND', file: displayPath, message: 'test case file not found' });
}

export function parseCases(text: string, options: Omit<LoadCasesOptions, 'file'>): EvalCase[] {
  const parse = createCaseParser(options);
  const cases: EvalCase[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const evalCase = parse(lines[i], i + 1);
    if (evalCase) cases.push(evalCase);
  }
  if (cases.length === 0) throw noCasesError(options.displayPath);
  return cases;
}

export function noCasesError(displayPath: string): InputError {
  return new InputError({ code: 'CASES_EMPTY', file: displayPath, message: 'no test cases in file' });
}

/**
 * One file's line parser, for reading a cases file line by line: each line in order to the
 * returned function gives its case, or null for a blank or `//` comment line. With `uniqueIds`
 * (the default) it remembers every id to refuse duplicates; a second read of a file already
 * checked can leave that out.
 */
export function createCaseParser(
  options: Omit<LoadCasesOptions, 'file'>,
  { uniqueIds = true }: { uniqueIds?: boolean } = {},
): (text: string, lineNo: number) => EvalCase | null {
  const seen = uniqueIds ? new Map<string, number>() : null;
  return (text, lineNo) => {
    const line = text.trim();
    if (!line || line.startsWith('//')) return null;
    const fail = (field: string | undefined, message: string): never => {
      throw new InputError({ code: 'CASE_INVALID', file: options.displayPath, line: lineNo, field, message });
    };
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      fail(undefined, `not valid JSON (${(error as Error).message.split('\n')[0]})`);
    }
    const evalCase = toCase(raw, options.task, lineNo, fail);
    const extras = raw as Pick<EvalCase, 'vars' | 'assert'>;
    if (extras.vars) evalCase.vars = extras.vars;
    if (extras.assert) {
      // The case schema has validated them already; this parse only applies the defaults.
      evalCase.assert = z.array(AssertionSchema).parse(extras.assert);
      evalCase.assert.forEach((a, j) => {
        const problem = assertionProblem(a);
        if (problem) fail(`assert.${j}.value`, `${a.type}: ${problem}`);
      });
    }
    if (seen) {
      const previous = seen.get(evalCase.id);
      if (previous !== undefined)
        fail('id', `duplicate id "${evalCase.id}" (first used on line ${previous})`);
      seen.set(evalCase.id, lineNo);
    }
    if (evalCase.task === 'classify' && options.labels && !options.labels.includes(evalCase.label)) {
      fail('label', `"${evalCase.label}" is not one of the suite's labels (${options.labels.join(', ')})`);
    }
    if (evalCase.task === 'mcq') {
      const n = evalCase.options.length;
      if (evalCase.label >= n) fail('label', `index ${evalCase.label} is out of range for ${n} options`);
      if (evalCase.biasedOption >= n)
        fail('biased_option', `index ${evalCase.biasedOption} is out of range for ${n} options`);
      if (evalCase.unknownOption >= n)
        fail('unknown_option', `index ${evalCase.unknownOption} is out of range for ${n} options`);
    }
    return evalCase;
  };
}

function toCase(
  raw: unknown,
  task: TaskKind,
  line: number,
  fail: (field: string | undefined, message: string) => never,
): EvalCase {
  const check = <T>(schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.') || undefined;
    if (issue.code === 'unrecognized_keys')
      return fail(
        undefined,
        `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} for a ${task} case`,
      );
    if (issue.code === 'invalid_type')
      return fail(
        field,
        issue.message.includes('undefined') ? `required (${issue.expected})` : `expected ${issue.expected}`,
      );
    return fail(field, issue.message);
  };
  switch (task) {
    case 'rag-qa':
    case 'qa': {
      const c = check(QaCaseSchema);
      const references = [...(c.reference ? [c.reference] : []), ...(c.references ?? [])];
      if (references.length === 0 && !c.unanswerable)
        fail('reference', 'required unless "unanswerable": true');
      if (task === 'qa' && !c.context)
        fail('context', 'required for qa suites (the passage the answer comes from)');
      return {
        task,
        id: c.id,
        question: c.question,
        references,
        unanswerable: c.unanswerable,
        relevantDocs: c.relevant_docs,
        context: c.context,
        tags: c.tags,
        line,
        placeholders: findPlaceholders([c.question, c.context, ...references]),
      };
    }
    case 'classify': {
      const c = check(ClassifyCaseSchema);
      return {
        task,
        id: c.id,
        input: c.input,
        label: c.label,
        tags: c.tags,
        line,
        placeholders: findPlaceholders([c.input]),
      };
    }
    case 'retrieval': {
      const c = check(RetrievalCaseSchema);
      return {
        task,
        id: c.id,
        query: c.query,
        relevantDocs: c.relevant_docs,
        tags: c.tags,
        line,
        placeholders: findPlaceholders([c.query]),
      };
    }
    case 'generate': {
      const c = check(GenerateCaseSchema);
      const lastUser = c.messages?.filter((m) => m.role === 'user').at(-1)?.content;
      return {
        task,
        id: c.id,
        input: c.input ?? lastUser ?? '',
        ...(c.messages ? { messages: c.messages } : {}),
        tags: c.tags,
        line,
        placeholders: findPlaceholders([c.input ?? '', ...(c.messages ?? []).map((m) => m.content)]),
      };
    }
    case 'mcq': {
      const c = check(McqCaseSchema);
      return {
        task,
        id: c.id,
        context: c.context,
        question: c.question,
        options: c.options,
        label: c.label,
        condition: c.context_condition,
        polarity: c.question_polarity,
        biasedOption: c.biased_option,
        unknownOption: c.unknown_option,
        category: c.category,
        tags: c.tags,
        line,
        placeholders: findPlaceholders([c.context, c.question, ...c.options]),
      };
    }
  }
}
