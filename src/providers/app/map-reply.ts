// Turns an application's raw reply (parsed JSON, or text) into an AppReply using the config's
// JSON paths, checking every field's shape so a wrong reply is one clear per-case error.
import { readJsonPath } from './json-path.js';
import { type AppContext, type AppReply, ReplyShapeError } from './app-reply.js';

export interface ReplyMapping {
  output?: string;
  contexts?: string;
  citations?: string;
  usage?: string;
  confidence?: string;
  label?: string;
}

export interface MapReplyOptions {
  mapping: ReplyMapping | undefined;
  /** Metadata field with a LangChain document's id (default `id`, then `source`). */
  docIdField?: string;
}

/** Where no mapping names a field, a reply that is an object may still carry it under its own name. */
const DEFAULT_PATHS: Required<Omit<ReplyMapping, 'output'>> = {
  contexts: '$.contexts',
  citations: '$.citations',
  usage: '$.usage',
  confidence: '$.confidence',
  label: '$.label',
};

export function mapReply(reply: unknown, options: MapReplyOptions): AppReply {
  const mapping = options.mapping ?? {};
  const output = mapping.output === undefined ? reply : readJsonPath(reply, mapping.output);
  const where = mapping.output ?? 'the reply';
  const mapped: AppReply = { output: toOutputText(output, where) };
  const read = (field: keyof typeof DEFAULT_PATHS): { value: unknown; path: string } => {
    const path = mapping[field] ?? DEFAULT_PATHS[field];
    // Without an explicit mapping only an object reply is searched (a plain string has no fields).
    const value = mapping[field] === undefined && !isRecord(reply) ? undefined : readJsonPath(reply, path);
    return { value, path };
  };
  const contexts = read('contexts');
  if (contexts.value !== undefined && contexts.value !== null)
    mapped.contexts = toContexts(contexts.value, contexts.path, options.docIdField);
  const citations = read('citations');
  if (citations.value !== undefined && citations.value !== null) {
    if (!Array.isArray(citations.value) || !citations.value.every((c) => typeof c === 'string'))
      throw new ReplyShapeError(`expected a list of context ids at ${citations.path}`);
    mapped.citations = citations.value as string[];
  }
  const usage = read('usage');
  if (usage.value !== undefined && usage.value !== null) mapped.usage = toUsage(usage.value, usage.path);
  const confidence = read('confidence');
  if (confidence.value !== undefined && confidence.value !== null) {
    const c = confidence.value;
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 1)
      throw new ReplyShapeError(`expected a number in [0, 1] at ${confidence.path}, got ${describe(c)}`);
    mapped.confidence = c;
  }
  const label = read('label');
  if (label.value !== undefined && label.value !== null) {
    if (typeof label.value !== 'string') throw new ReplyShapeError(`expected a string at ${label.path}`);
    mapped.label = label.value;
  }
  return mapped;
}

function toOutputText(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) throw new ReplyShapeError(`nothing at ${where} (set response.output)`);
  if (value === null) throw new ReplyShapeError(`null at ${where}`);
  // A structured answer (e.g. for a `generate` suite checking JSON) is kept as JSON text.
  return JSON.stringify(value);
}

function toContexts(value: unknown, path: string, docIdField: string | undefined): AppContext[] {
  if (!Array.isArray(value))
    throw new ReplyShapeError(`expected a list of contexts at ${path}, got ${describe(value)}`);
  return value.map((item, i) => {
    if (typeof item === 'string') return { text: item };
    if (!isRecord(item))
      throw new ReplyShapeError(`context ${i} at ${path} is ${describe(item)}, not an object`);
    // `{id, text, score}` as the contract says, or a LangChain Document `{pageContent, metadata}`.
    const text = item.text ?? item.pageContent ?? item.content;
    if (typeof text !== 'string') throw new ReplyShapeError(`context ${i} at ${path} has no text`);
    const metadata = isRecord(item.metadata) ? item.metadata : {};
    // A configured metadata field wins over the item's own id (often a store's UUID).
    const rawId =
      (docIdField ? (metadata[docIdField] ?? item.id) : (item.id ?? metadata.id ?? metadata.source)) ??
      undefined;
    if (rawId !== undefined && typeof rawId !== 'string' && typeof rawId !== 'number')
      throw new ReplyShapeError(`context ${i} at ${path} has an id that is ${describe(rawId)}`);
    const score = item.score ?? metadata.score;
    if (score !== undefined && (typeof score !== 'number' || !Number.isFinite(score)))
      throw new ReplyShapeError(`context ${i} at ${path} has a score that is not a number`);
    return {
      ...(rawId !== undefined ? { id: String(rawId) } : {}),
      text,
      ...(score !== undefined ? { score: score as number } : {}),
    };
  });
}

function toUsage(value: unknown, path: string): NonNullable<AppReply['usage']> {
  if (!isRecord(value)) throw new ReplyShapeError(`expected a usage object at ${path}`);
  const input = value.input_tokens ?? value.prompt_tokens ?? value.inputTokens ?? value.promptTokens;
  const output =
    value.output_tokens ?? value.completion_tokens ?? value.outputTokens ?? value.completionTokens;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!ok(input) || !ok(output))
    throw new ReplyShapeError(`expected input_tokens and output_tokens (whole numbers) at ${path}`);
  return { inputTokens: input, outputTokens: output, estimated: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a string' : typeof value === 'object' ? 'an object' : String(value);
}
