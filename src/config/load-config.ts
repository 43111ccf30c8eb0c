// Reads eval/evalgate.yaml, validates it with zod and turns the first problem into a one-line
// InputError naming the file, the line and the field path.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../core/errors.js';
import { hashValue } from '../core/hash.js';
import { ConfigSchema, type EvalConfig } from './schema.js';
import { interpolateEnv } from './interpolate-env.js';
import { assertionProblem } from '../assertions/assertion-schema.js';
import { answeredByApps, checkAppProviders } from './check-app-providers.js';

export interface LoadedConfig {
  config: EvalConfig;
  /** Absolute path of the config file. */
  file: string;
  /** Absolute project root; relative paths in the config resolve against it. */
  root: string;
  /** Hash of the validated config (secrets never enter it: keys live in env, not config). */
  hash: string;
}

/** Top-level keys that describe a sweep (src/sweep/), not a run: left out of the run's config and hash. */
export const SWEEP_KEYS = ['sweep', 'sweep_variants'] as const;

export interface LoadConfigOptions {
  /**
   * Applied to the parsed YAML before schema validation (a sweep variant's settings), so the
   * config hash and every default reflect them. Returns the new raw object.
   */
  overrides?: (raw: Record<string, unknown>) => Record<string, unknown>;
}

export async function loadConfig(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
  loadOptions: LoadConfigOptions = {},
): Promise<LoadedConfig> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    throw new InputError({
      code: 'CONFIG_NOT_FOUND',
      file,
      message: 'config file not found (create one with `npx evalgate init`)',
    });
  }
  return parseConfig({ text, file, absolute, env, overrides: loadOptions.overrides });
}

export function parseConfig(options: {
  text: string;
  file: string;
  absolute?: string;
  env: Readonly<Record<string, string | undefined>>;
  overrides?: LoadConfigOptions['overrides'];
}): LoadedConfig {
  const { text, file, env } = options;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = lineCounter.linePos(err.pos[0]).line;
    throw new InputError({
      code: 'CONFIG_YAML',
      file,
      line,
      message: `invalid YAML: ${firstLine(err.message)}`,
    });
  }
  const raw = withoutSweepKeys(doc.toJS());
  const parsed = ConfigSchema.safeParse(options.overrides ? options.overrides(raw) : raw);
  if (!parsed.success) {
    const issue = innermostIssue(parsed.error.issues[0]);
    // An unknown key is reported at the key itself, not at its parent object.
    const fieldPath = [
      ...issue.path.map(String),
      ...(issue.code === 'unrecognized_keys' ? [issue.keys[0]] : []),
    ];
    throw new InputError({
      code: 'CONFIG_INVALID',
      file,
      line: lineOf(doc.contents, fieldPath, lineCounter),
      field: formatPath(fieldPath),
      message: describeIssue(issue),
    });
  }
  const config = parsed.data;
  checkReferences(config, file, (p) => lineOf(doc.contents, p, lineCounter));
  const absolute = options.absolute ?? path.resolve(file);
  const root = path.resolve(path.dirname(absolute), config.root);
  checkAppProviders({
    config,
    env,
    root,
    fail: (fieldPath, message) => {
      throw new InputError({
        code: 'CONFIG_INVALID',
        file,
        line: lineOf(doc.contents, fieldPath, lineCounter),
        field: fieldPath.join('.'),
        message,
      });
    },
  });
  for (const provider of config.providers) {
    if (provider.base_url)
      provider.base_url = interpolateEnv(provider.base_url, env, {
        file,
        field: `providers.${provider.id}.base_url`,
      });
  }
  if (config.rag?.embedder_base_url) {
    config.rag.embedder_base_url = interpolateEnv(config.rag.embedder_base_url, env, {
      file,
      field: 'rag.embedder_base_url',
    });
  }
  if (config.rag?.database_url) {
    config.rag.database_url = interpolateEnv(config.rag.database_url, env, {
      file,
      field: 'rag.database_url',
    });
  }
  return {
    config,
    file: absolute,
    root,
    hash: hashValue(config).slice(0, 16),
  };
}

/** The config without its sweep block: a sweep is run by `evalgate sweep`, never by an eval. */
function withoutSweepKeys(raw: unknown): Record<string, unknown> {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return raw as Record<string, unknown>;
  const copy = { ...(raw as Record<string, unknown>) };
  for (const key of SWEEP_KEYS) delete copy[key];
  return copy;
}

/** Cross-field rules zod cannot see on its own. */
function checkReferences(
  config: EvalConfig,
  file: string,
  lineAt: (path: string[]) => number | undefined,
): void {
  const fail = (fieldPath: string[], message: string): never => {
    throw new InputError({
      code: 'CONFIG_INVALID',
      file,
      line: lineAt(fieldPath),
      field: fieldPath.join('.'),
      message,
    });
  };
  const names = new Set<string>();
  const providerIds = new Set(config.providers.map((p) => p.id));
  config.suites.forEach((suite, i) => {
    if (names.has(suite.name)) fail(['suites', String(i), 'name'], `duplicate suite name "${suite.name}"`);
    names.add(suite.name);
    if (suite.task === 'classify' && !suite.labels)
      fail(['suites', String(i), 'labels'], 'classify suites need a "labels" list');
    suite.assert?.forEach((a, j) => {
      const problem = assertionProblem(a);
      if (problem) fail(['suites', String(i), 'assert', String(j), 'value'], `${a.type}: ${problem}`);
    });
    // A generate suite without a prompt sends the case's input (or chat history) as it is.
    const promptless = suite.task === 'generate' || answeredByApps(config, suite);
    if (suite.task !== 'retrieval' && !suite.prompt && !suite.outputs && !promptless)
      fail(
        ['suites', String(i), 'prompt'],
        `a ${suite.task} suite needs "prompt" (or "outputs" to score answers produced elsewhere)`,
      );
    const ownContexts = suite.task === 'rag-qa' && (answeredByApps(config, suite) || suite.outputs);
    if ((suite.task === 'rag-qa' || suite.task === 'retrieval') && !config.rag && !ownContexts)
      fail(['suites', String(i), 'task'], `a ${suite.task} suite needs a "rag" section`);
    suite.providers?.forEach((id, j) => {
      if (!providerIds.has(id))
        fail(
          ['suites', String(i), 'providers', String(j)],
          `unknown provider "${id}" (declare it under "providers")`,
        );
    });
  });
  for (const suiteName of Object.keys(config.targets)) {
    if (!names.has(suiteName)) fail(['targets', suiteName], `unknown suite "${suiteName}"`);
  }
  if (config.judge !== 'none' && !/^(openai|anthropic|local)\//.test(config.judge)) {
    fail(['judge'], 'expected "none" or a provider id such as "openai/gpt-4o-mini"');
  }
}

/**
 * A provider entry is "a string or an object", so zod reports a bad field inside the object as
 * a failed union; the branch that got furthest (the object's own issue) says what is wrong.
 */
function innermostIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || issue.errors.length === 0) return issue;
  const candidates = issue.errors
    .map((branch) => branch[0])
    .filter((i): i is z.core.$ZodIssue => i !== undefined);
  if (candidates.length === 0) return issue;
  // The branch of the right type (no type mismatch at its root) got furthest.
  const typed = candidates.filter((i) => i.path.length > 0 || i.code !== 'invalid_type');
  if (typed.length === 0) return issue;
  const deepest = typed.reduce((a, b) => (b.path.length > a.path.length ? b : a));
  return innermostIssue({ ...deepest, path: [...issue.path, ...deepest.path] } as z.core.$ZodIssue);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.length > 1
      ? `unknown field (also unknown: ${issue.keys.slice(1).join(', ')})`
      : 'unknown field';
  if (issue.code === 'invalid_type') {
    const received = (issue as { received?: string }).received;
    return received === 'undefined' || issue.message.includes('undefined')
      ? `required field missing (expected ${issue.expected})`
      : `expected ${issue.expected}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue)
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function formatPath(p: readonly PropertyKey[]): string {
  return p.map(String).join('.') || '(root)';
}

/** Line of the deepest YAML node that exists along the path (1-based); the sweep reader uses it too. */
export function lineOf(root: Node | null, fieldPath: string[], counter: LineCounter): number | undefined {
  let node: unknown = root;
  let line: number | undefined = (root as Node | null)?.range
    ? counter.linePos((root as Node).range![0]).line
    : undefined;
  for (const key of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value) === key);
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode?.range) line = counter.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as Node | undefined;
      if (!item) break;
      if (item.range) line = counter.linePos(item.range[0]).line;
      node = item;
    } else break;
  }
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
