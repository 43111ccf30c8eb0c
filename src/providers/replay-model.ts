// `replay/<file.jsonl>` (or a suite's `outputs:`): scores answers produced elsewhere, keyed by
// case id, with no model call. Lines: {"id": "...", "output": "...", "latency_ms"?, "usage"?,
// "contexts"?: [{id, text, score?}]} — contexts the app used are scored like retrieved ones.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError, ProviderError } from '../core/errors.js';
import { parseJsonLines } from '../core/json-lines.js';
import type { AppContext } from './app/app-reply.js';
import type { GenerateRequest, GenerateResult, LanguageModel } from './language-model.js';

const ReplayLineSchema = z.object({
  id: z.string().min(1),
  output: z.string(),
  confidence: z.number().min(0).max(1).optional(),
  latency_ms: z.number().min(0).optional(),
  usage: z
    .object({ input_tokens: z.number().int().min(0), output_tokens: z.number().int().min(0) })
    .optional(),
  contexts: z
    .array(z.object({ id: z.string().min(1).optional(), text: z.string(), score: z.number().optional() }))
    .optional(),
  citations: z.array(z.string()).optional(),
});

export interface ReplayEntry {
  output: string;
  confidence?: number;
  latencyMs?: number;
  usage?: { inputTokens: number; outputTokens: number };
  contexts?: AppContext[];
  citations?: string[];
}

export function parseReplayFile(text: string, displayPath: string): Map<string, ReplayEntry> {
  const entries = new Map<string, ReplayEntry>();
  for (const { value: e, line } of parseJsonLines(text, {
    file: displayPath,
    code: 'REPLAY_INVALID',
    schema: ReplayLineSchema,
  })) {
    if (entries.has(e.id))
      throw new InputError({
        code: 'REPLAY_INVALID',
        file: displayPath,
        line,
        field: 'id',
        message: `duplicate id "${e.id}"`,
      });
    entries.set(e.id, {
      output: e.output,
      confidence: e.confidence,
      latencyMs: e.latency_ms,
      usage: e.usage ? { inputTokens: e.usage.input_tokens, outputTokens: e.usage.output_tokens } : undefined,
      ...(e.contexts ? { contexts: e.contexts } : {}),
      ...(e.citations ? { citations: e.citations } : {}),
    });
  }
  return entries;
}

export async function createReplayModel(options: {
  id: string;
  file: string;
  displayPath: string;
}): Promise<LanguageModel & { hasCase(caseId: string): boolean }> {
  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch {
    throw new InputError({
      code: 'REPLAY_NOT_FOUND',
      file: options.displayPath,
      message: 'replay outputs file not found',
    });
  }
  const entries = parseReplayFile(text, options.displayPath);
  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const entry = request.caseId === undefined ? undefined : entries.get(request.caseId);
    if (!entry) {
      throw new ProviderError({
        code: 'PROVIDER_BAD_RESPONSE',
        provider: options.id,
        message: `no output for case "${request.caseId}" in ${options.displayPath}`,
        isRetryable: false,
      });
    }
    return {
      text: entry.output,
      ...(entry.latencyMs !== undefined ? { latencyMs: entry.latencyMs } : {}),
      confidence: entry.confidence,
      usage: entry.usage ? { ...entry.usage, estimated: false } : undefined,
      ...(entry.contexts ? { contexts: entry.contexts } : {}),
      ...(entry.citations ? { citations: entry.citations } : {}),
      model: 'replay',
    };
  };
  return {
    id: options.id,
    provider: 'replay',
    model: options.displayPath,
    cacheable: false,
    generate,
    hasCase: (caseId) => entries.has(caseId),
  };
}
