// `module/<path>#<export>`: evaluates the user's own code in-process. The export is either an
// async function `(input, ctx) → {output, contexts?, citations?, usage?, confidence?, label?}`
// (or a string), or anything with `invoke` — a LangChain Runnable — whose reply is mapped by
// `response` JSON paths. This is trusted code: it runs with evalgate's permissions.
import type { ProviderConfig } from '../../config/schema.js';
import { ProviderError } from '../../core/errors.js';
import { ReplyShapeError } from '../app/app-reply.js';
import { type CallDeadline, createDeadlineTimer } from '../app/call-deadline.js';
import { mapReply, type ReplyMapping } from '../app/map-reply.js';
import { MissingVariableError, renderTemplate, type TemplateVariables } from '../app/render-template.js';
import { templateVariables } from '../app/template-variables.js';
import type { GenerateRequest, GenerateResult, LanguageModel } from '../language-model.js';
import { redactSecrets } from '../redact-secrets.js';
import { loadModuleExport } from './load-module-export.js';
import type { ModuleClosers } from './module-closers.js';

/** The second argument a module function receives. */
export interface ModuleContext {
  signal: AbortSignal;
  caseId: string;
  /** The rendered prompt (the case input when the suite has no prompt). */
  prompt: string;
  messages: { role: string; content: string }[];
  vars: Record<string, unknown>;
}

type AppFunction = (input: unknown, ctx: ModuleContext) => unknown;
interface Invokable {
  invoke(input: unknown, options?: { signal?: AbortSignal }): Promise<unknown>;
}

export interface ModuleModelOptions {
  config: ProviderConfig;
  root: string;
  configFile: string;
  /** Position in `providers`, for error messages. */
  index: number;
  /** Values that must not appear in a recorded error (the environment's keys and tokens). */
  secrets?: readonly string[];
  /** Where the module's `close` export is registered, to run when the run or server ends. */
  closers?: ModuleClosers;
}

export async function createModuleModel(options: ModuleModelOptions): Promise<LanguageModel> {
  const { config } = options;
  const target = await loadModuleExport({
    ref: config.id,
    root: options.root,
    configFile: options.configFile,
    field: `providers.${options.index}.id`,
    accepts: (value) => typeof value === 'function' || typeof (value as Invokable)?.invoke === 'function',
    expected: 'a function or a Runnable with invoke()',
    closers: options.closers,
  });
  const call: (input: unknown, ctx: ModuleContext) => Promise<unknown> =
    typeof target === 'function'
      ? async (input, ctx) => (target as AppFunction)(input, ctx)
      : (input, ctx) => (target as Invokable).invoke(input, { signal: ctx.signal });
  const isRunnable = typeof target !== 'function';
  const deadlines = createDeadlineTimer(config.timeout_ms);

  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const variables = templateVariables(request);
    let input: unknown;
    try {
      input = config.body === undefined ? variables.input : renderTemplate(config.body, variables);
    } catch (error) {
      if (!(error instanceof MissingVariableError)) throw error;
      throw providerError(config.id, 'PROVIDER_BAD_REQUEST', error.message);
    }
    let stop: (reason: unknown) => void = () => {};
    const stopped = new Promise<never>((_, reject) => {
      stop = reject;
    });
    const deadline = deadlines.start(request.signal, (reason) => stop(reason));
    const ctx = new CallContext(deadline, variables);
    let reply: unknown;
    try {
      // The call may ignore its signal; the deadline still ends the wait.
      reply = await Promise.race([call(input, ctx), stopped]);
    } catch (error) {
      if (deadline.timedOut && !request.signal?.aborted)
        throw providerError(config.id, 'PROVIDER_TIMEOUT', `no reply within ${config.timeout_ms} ms`, true);
      if (request.signal?.aborted) throw error;
      const e = error as Error & { isRetryable?: unknown };
      throw providerError(
        config.id,
        'PROVIDER_BAD_RESPONSE',
        // An SDK error inside the app may quote a key; scrub what the environment holds.
        redactSecrets(`threw ${e?.name ?? 'error'}: ${e?.message ?? String(error)}`, options.secrets ?? []),
        e?.isRetryable === true,
      );
    } finally {
      deadline.clear();
    }
    try {
      const mapped = mapReply(reply, {
        mapping: mappingFor(config.response, reply, isRunnable),
        docIdField: config.doc_id_field,
      });
      return {
        text:
          request.inputs?.task === 'classify' && mapped.label !== undefined ? mapped.label : mapped.output,
        ...(mapped.usage ? { usage: mapped.usage } : {}),
        ...(mapped.confidence !== undefined ? { confidence: mapped.confidence } : {}),
        ...(mapped.contexts ? { contexts: mapped.contexts } : {}),
        ...(mapped.citations ? { citations: mapped.citations } : {}),
        model: config.id,
      };
    } catch (error) {
      if (!(error instanceof ReplyShapeError)) throw error;
      throw providerError(config.id, 'PROVIDER_BAD_RESPONSE', `unexpected reply: ${error.message}`);
    }
  };
  return {
    id: config.id,
    provider: 'module',
    model: config.id.slice('module/'.length),
    cacheable: false,
    generate,
  };
}

/** The `ctx` a module function receives; `signal` is made on first read (see call-deadline.ts). */
class CallContext implements ModuleContext {
  readonly caseId: string;
  readonly prompt: string;
  readonly messages: { role: string; content: string }[];
  readonly vars: Record<string, unknown>;
  constructor(
    private readonly deadline: CallDeadline,
    variables: TemplateVariables,
  ) {
    this.caseId = variables.id;
    this.prompt = variables.prompt;
    this.messages = variables.messages;
    this.vars = variables.vars;
  }
  get signal(): AbortSignal {
    return this.deadline.signal;
  }
}

/**
 * The configured mapping, else what the reply's shape says: a string is the answer; a chat
 * message gives its `content`; a LangChain retrieval chain's `{answer, context}` gives both.
 */
function mappingFor(configured: ReplyMapping | undefined, reply: unknown, runnable: boolean): ReplyMapping {
  if (configured) return configured;
  if (typeof reply === 'string' || reply === null || typeof reply !== 'object') return {};
  const r = reply as Record<string, unknown>;
  if (typeof r.output === 'string' || !runnable) return { output: '$.output' };
  if (typeof r.answer === 'string')
    return { output: '$.answer', contexts: Array.isArray(r.context) ? '$.context' : undefined };
  if (typeof r.content === 'string') return { output: '$.content' };
  return { output: '$.output' };
}

function providerError(
  provider: string,
  code: 'PROVIDER_BAD_REQUEST' | 'PROVIDER_BAD_RESPONSE' | 'PROVIDER_TIMEOUT',
  message: string,
  isRetryable = false,
): ProviderError {
  return new ProviderError({
    code,
    provider,
    message: message.replace(/\s+/g, ' ').slice(0, 400),
    isRetryable,
  });
}
