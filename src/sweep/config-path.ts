// Config paths as a sweep names them — `rag.chunking.size`, `suites[support-qa].prompt`,
// `providers[openai/gpt-4o-mini].temperature`, `suites[0].prompt` — parsed into steps and applied
// to the parsed YAML before schema validation, so every sweep value goes through the same zod
// rules (and error messages) as the config file itself.

export type PathStep = { key: string } | { select: string };

/** A path that cannot be parsed or applied; the caller adds the file and line. */
export class ConfigPathError extends Error {}

/** Array entries are picked by the field that names them: a suite by `name`, a provider by `id`. */
const SELECTOR_FIELD: Record<string, string> = { suites: 'name', providers: 'id' };

export function parseConfigPath(text: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new ConfigPathError(`cannot read config path "${text}": ${why}`);
  };
  if (text.trim() === '') fail('empty');
  while (i < text.length) {
    if (text[i] === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) fail('missing "]"');
      const inner = text.slice(i + 1, end).trim();
      if (inner === '') fail('empty [ ]');
      steps.push({ select: inner.replace(/^(['"])(.*)\1$/, '$2') });
      i = end + 1;
      if (i < text.length && text[i] !== '.' && text[i] !== '[') fail(`unexpected "${text[i]}" after ]`);
      if (text[i] === '.') i++;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
    const key = text.slice(i, j);
    if (!/^[A-Za-z_][\w-]*$/.test(key)) fail(`"${key}" is not a field name`);
    steps.push({ key });
    i = j;
    if (text[i] === '.') {
      i++;
      if (i === text.length) fail('ends with "."');
    }
  }
  if (!('key' in steps[0])) fail('must start with a field name');
  return steps;
}

/**
 * Returns a copy of `raw` with `value` set at `path`. Missing objects on the way are created
 * (`rag.bm25.k1` without a `bm25` block); a selector must name an existing entry.
 */
export function setConfigPath(
  raw: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const steps = parseConfigPath(path);
  const root = structuredClone(raw);
  let node: unknown = root;
  let parentKey = '';
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s];
    const last = s === steps.length - 1;
    if ('key' in step) {
      if (!isPlainObject(node))
        throw new ConfigPathError(
          `${path}: "${parentKey || '(root)'}" is not a map, cannot set "${step.key}"`,
        );
      if (last) {
        node[step.key] = structuredClone(value);
        return root;
      }
      if (node[step.key] === undefined || node[step.key] === null) node[step.key] = {};
      parentKey = step.key;
      node = node[step.key];
      continue;
    }
    if (!Array.isArray(node)) throw new ConfigPathError(`${path}: "${parentKey}" is not a list`);
    const index = selectIndex(node, step.select, parentKey, path);
    if (last) {
      node[index] = structuredClone(value);
      return root;
    }
    // `- local/extractive` is shorthand for `{ id: local/extractive }`: expand it to set a field.
    if (typeof node[index] === 'string' && SELECTOR_FIELD[parentKey] === 'id')
      node[index] = { id: node[index] };
    parentKey = `${parentKey}[${step.select}]`;
    node = node[index];
  }
  return root;
}

function selectIndex(list: unknown[], select: string, listName: string, path: string): number {
  if (/^\d+$/.test(select)) {
    const i = Number(select);
    if (i >= list.length)
      throw new ConfigPathError(`${path}: "${listName}" has ${list.length} entries, no [${i}]`);
    return i;
  }
  const field = SELECTOR_FIELD[listName];
  if (!field) throw new ConfigPathError(`${path}: entries of "${listName}" are picked by number, e.g. [0]`);
  const nameOf = (entry: unknown): unknown =>
    typeof entry === 'string' ? entry : isPlainObject(entry) ? entry[field] : undefined;
  const index = list.findIndex((entry) => nameOf(entry) === select);
  if (index < 0) {
    const names = list.map(nameOf).filter((n) => typeof n === 'string');
    throw new ConfigPathError(
      `${path}: no ${listName} entry with ${field} "${select}" (declared: ${names.join(', ') || 'none'})`,
    );
  }
  return index;
}

/** The path's last field name (`rag.chunking.size` → `size`), for short variant names. */
export function lastField(path: string): string {
  const steps = parseConfigPath(path);
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if ('key' in step) return step.key;
  }
  return path;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` in a (validated) config, or undefined where the path leads nowhere. */
export function getConfigPath(config: unknown, path: string): unknown {
  let node: unknown = config;
  let listName = '';
  for (const step of parseConfigPath(path)) {
    if ('key' in step) {
      if (!isPlainObject(node)) return undefined;
      listName = step.key;
      node = node[step.key];
      continue;
    }
    if (!Array.isArray(node)) return undefined;
    const field = SELECTOR_FIELD[listName];
    node = /^\d+$/.test(step.select)
      ? node[Number(step.select)]
      : node.find(
          (e) =>
            (typeof e === 'string' ? e : isPlainObject(e) && field ? e[field] : undefined) === step.select,
        );
  }
  return node;
}
