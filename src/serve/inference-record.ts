// One line of the inference log. The input is identified by its hash (input-hash.ts) and length; its
// text is written only with `log_inputs: true`, and then with emails, phone numbers and card
// numbers redacted. The schema is what `evalgate monitor` reads.
import { z } from 'zod';
import type { InputFeatures } from '../monitor/input-features.js';
import type { InputHasher } from './input-hash.js';
import { redactPii } from './redact-pii.js';
import type { ServeRoute, ServedResult } from './serving-pipeline.js';

/** ok: the pipeline answered; timeout/error: a fallback response was sent. */
export type InferenceStatus = 'ok' | 'timeout' | 'error';

export const InferenceRecordSchema = z.looseObject({
  time: z.string(),
  request_id: z.string(),
  route: z.enum(['answer', 'classify']),
  suite: z.string(),
  status: z.enum(['ok', 'timeout', 'error']),
  input_hash: z.string(),
  input_length: z.number(),
  input: z.string().optional(),
  output: z.string().nullable(),
  label: z.string().nullable(),
  confidence: z.number().nullable(),
  needs_review: z.boolean(),
  latency_ms: z.number(),
  model: z.string(),
  prompt_version: z.string().nullable(),
  manifest_hash: z.string(),
  retrieved_docs: z.array(z.string()),
  top_score: z.number().nullable(),
  oov_rate: z.number().nullable().optional(),
  centroid_distance: z.number().nullable().optional(),
  error: z.string().optional(),
});

export type InferenceRecord = z.output<typeof InferenceRecordSchema>;

export function inferenceRecord(options: {
  time: number;
  requestId: string;
  route: ServeRoute;
  text: string;
  hashInput: InputHasher;
  logInputs: boolean;
  status: InferenceStatus;
  served: ServedResult | null;
  /** Input-drift features; null when none were computed (no corpus or embedder, or a timeout). */
  features: InputFeatures | null;
  suite: { name: string; model: string; promptVersion: string | null; promptHash: string | null };
  latencyMs: number;
  manifestHash: string;
}): InferenceRecord {
  const s = options.served;
  const prompt = options.suite.promptVersion
    ? `${options.suite.promptVersion}#${options.suite.promptHash}`
    : null;
  return {
    time: new Date(options.time).toISOString(),
    request_id: options.requestId,
    route: options.route,
    suite: options.suite.name,
    status: options.status,
    input_hash: options.hashInput(options.text),
    input_length: options.text.length,
    ...(options.logInputs ? { input: redactPii(options.text) } : {}),
    // Answers can echo what the user wrote: the same redaction applies to them.
    output: s?.answer == null ? null : redactPii(s.answer),
    label: s?.label ?? null,
    confidence: s?.confidence ?? null,
    needs_review: s ? s.needsReview : true,
    latency_ms: options.latencyMs,
    model: options.suite.model,
    prompt_version: prompt,
    manifest_hash: options.manifestHash,
    retrieved_docs: s?.retrievedDocs ?? [],
    top_score: s?.topScore ?? null,
    oov_rate: options.features?.oovRate ?? null,
    centroid_distance: options.features?.centroidDistance ?? null,
    ...(options.status === 'timeout' ? { error: 'TIMEOUT' } : s?.error ? { error: s.error.code } : {}),
  };
}
