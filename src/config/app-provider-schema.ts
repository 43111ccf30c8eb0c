// Config fields of the providers that call the user's own application: `http/<name>` (a running
// service) and `module/<path>#<export>` (an ES module loaded in-process). They share the request
// template (`body`) and the reply mapping (`response`), so one idea has one shape.
import { z } from 'zod';

/** `$`, `.name`, `['name']`, `[0]`, `[*]` — the JSONPath subset a reply mapping needs. */
export const JSON_PATH = /^\$(?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\[\*\]|\['[^']+'\])*$/;
const JsonPath = z.string().regex(JSON_PATH, 'expected a JSON path such as $.answer or $.data[0].text');

export const ResponseMappingSchema = z.strictObject({
  /** The answer text. Without it the whole reply body is the output. */
  output: JsonPath.optional(),
  /** `[{id, text, score?}]` (or LangChain documents `{pageContent, metadata}`). */
  contexts: JsonPath.optional(),
  /** Ids of the contexts the answer cites. */
  citations: JsonPath.optional(),
  /** `{input_tokens, output_tokens}` or `{prompt_tokens, completion_tokens}`. */
  usage: JsonPath.optional(),
  confidence: JsonPath.optional(),
  label: JsonPath.optional(),
  /** Streaming (SSE) only: the text delta inside each event's JSON data (default `$.delta`). */
  delta: JsonPath.optional(),
});

/** Request template: strings may hold `{{question}}`, `{{input}}`, `{{id}}`, `{{vars.x}}`, `{{prompt}}`, `{{messages}}`. */
const TemplateValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(TemplateValue),
    z.record(z.string(), TemplateValue),
  ]),
);

export const APP_PROVIDER_FIELDS = {
  /** http: the service URL; `${ENV}` is expanded when the request is made. */
  url: z.string().min(1).optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH']).optional(),
  /** http: header values may name environment variables (`Bearer ${APP_TOKEN}`). */
  headers: z.record(z.string(), z.string()).optional(),
  /** http: the request body; module: the input handed to the export (default: the case input). */
  body: TemplateValue.optional(),
  response: ResponseMappingSchema.optional(),
  /** http: read the reply as server-sent events and record the time to first token. */
  stream: z.boolean().optional(),
  /** http: a reply larger than this is a per-case error (default 10 MB). */
  max_response_bytes: z.number().int().positive().optional(),
  /** Metadata field that holds a returned document's id (LangChain documents); default `id`, then `source`. */
  doc_id_field: z.string().min(1).optional(),
};

const HTTP_ONLY = ['url', 'method', 'headers', 'stream', 'max_response_bytes'] as const;
const APP_ONLY = ['body', 'response', 'doc_id_field'] as const;

/** Which fields belong to which provider family; returns the offending field, if any. */
export function misplacedAppField(provider: Record<string, unknown> & { id: string }): string | undefined {
  const family = provider.id.split('/')[0];
  if (family === 'http' && provider.url === undefined) return 'url';
  for (const field of HTTP_ONLY) if (family !== 'http' && provider[field] !== undefined) return field;
  for (const field of APP_ONLY)
    if (family !== 'http' && family !== 'module' && provider[field] !== undefined) return field;
  return undefined;
}

export function misplacedAppFieldMessage(field: string, id: string): string {
  return field === 'url' && id.startsWith('http/')
    ? 'required for http providers (the service URL)'
    : `only ${HTTP_ONLY.includes(field as never) ? 'http' : 'http and module'} providers take "${field}"`;
}
