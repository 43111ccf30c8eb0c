// Ask a judge model for strict JSON and validate it with a zod schema. Temperature 0. One retry
// on a reply that is not valid JSON of the right shape (the model sees its reply and the error);
// after that, or when the call itself fails, the result says why and the scorer reports null.
// "Strict" allows exactly one convenience: a reply wrapped in a single ```json code fence.
import type { z } from 'zod';
import type { ChatMessage, LanguageModel } from '../../providers/language-model.js';

export type JudgeJsonResult<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: string; attempts: number; raw?: string };

export interface JudgeJsonRequest<T> {
  model: LanguageModel;
  prompt: string;
  schema: z.ZodType<T>;
  maxTokens?: number;
}

export function parseJudgeJson<T>(
  raw: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; error: string } {
  let text = raw.trim();
  const fenced = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i.exec(text);
  if (fenced) text = fenced[1].trim();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'reply is not valid JSON' };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `reply JSON has the wrong shape: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    };
  }
  return { ok: true, value: parsed.data };
}

export async function requestJudgeJson<T>(request: JudgeJsonRequest<T>): Promise<JudgeJsonResult<T>> {
  const messages: ChatMessage[] = [{ role: 'user', content: request.prompt }];
  let lastError = '';
  let lastRaw: string | undefined;
  for (let attempt = 1; attempt <= 2; attempt++) {
    let raw: string;
    try {
      raw = (await request.model.generate({ messages, temperature: 0, maxTokens: request.maxTokens ?? 1024 }))
        .text;
    } catch (error) {
      return {
        ok: false,
        error: `judge call failed: ${error instanceof Error ? error.message : String(error)}`,
        attempts: attempt,
      };
    }
    const parsed = parseJudgeJson(raw, request.schema);
    if (parsed.ok) return { ok: true, value: parsed.value, attempts: attempt };
    lastError = parsed.error;
    lastRaw = raw;
    messages.push(
      { role: 'assistant', content: raw },
      {
        role: 'user',
        content: `Your ${parsed.error}. Reply again with only the JSON object in the requested format.`,
      },
    );
  }
  return {
    ok: false,
    error: `invalid judge reply after retry: ${lastError}`,
    attempts: 2,
    raw: lastRaw?.slice(0, 500),
  };
}
