// The port between the HTTP server and what it serves: one request in, one served result out.
// The server knows nothing of suites, prompts or indexes; tests give it a scripted pipeline to
// exercise timeouts and overload, and `loadServingPipeline` gives it the evaluated one.
import type { InputFeatures } from '../monitor/input-features.js';

export type ServeRoute = 'answer' | 'classify';

export interface ServeRequest {
  route: ServeRoute;
  /** `question` for answer, `input` for classify. */
  text: string;
  /** Picks one of the served suites of this route; the route's default otherwise. */
  suite?: string;
  requestId: string;
}

export interface ServedContext {
  id: string;
  doc_id: string;
  score: number;
  text: string;
}

export interface ServedResult {
  suite: string;
  /** Provider id, e.g. `local/extractive`. */
  model: string;
  /** `<id>@v<N>` and the prompt's content hash; null for suites without a prompt. */
  promptVersion: string | null;
  promptHash: string | null;
  answer: string | null;
  label: string | null;
  probabilities: Record<string, number> | null;
  confidence: number | null;
  citations: string[];
  contexts: ServedContext[];
  /** Retrieved documents in rank order (for the inference log). */
  retrievedDocs: string[];
  /** Score of the best retrieved chunk (retrieval drift). */
  topScore: number | null;
  declined: boolean;
  needsReview: boolean;
  error: { code: string; message: string } | null;
}

export interface ServedSuite {
  name: string;
  route: ServeRoute;
  model: string;
  promptVersion: string | null;
  promptHash: string | null;
  /**
   * Gold cases' texts (distinct, at least one): the server's warm-up sends them through HTTP
   * before reporting ready, so the first real request finds the code paths compiled.
   */
  samples: string[];
  /** Times warm-up sends the samples (default WARM_UP_ROUNDS). */
  warmUpRounds?: number;
}

export interface ServingPipeline {
  suites: ServedSuite[];
  /** What the start-up check compared, hashed: the same in every response. */
  manifestHash: string;
  /** Mismatches with the accepted baseline that `--allow-unevaluated` let through (empty when evaluated). */
  unevaluated: string[];
  /** Runs one request; never throws for a model failure (the result carries the error). */
  run(request: ServeRequest): Promise<ServedResult>;
  /**
   * The input-drift features the inference log records for a served request (null when the
   * project has no corpus or embedder). Only the log needs them, so the server computes them
   * after the response has gone out, never on the request's path, for a batch of requests at a
   * time (one embeddings call per suite in the batch), in the order given.
   */
  inputFeatures(requests: readonly ServeRequest[]): Promise<InputFeatures[]>;
  /** Releases the index and the models, then the user modules' own `close` exports. */
  close(): Promise<void>;
}

/** The suite a request goes to: the named one (of this route), or the route's first. */
export function pickSuite(
  suites: readonly ServedSuite[],
  route: ServeRoute,
  name: string | undefined,
): ServedSuite | { error: string } {
  const ofRoute = suites.filter((s) => s.route === route);
  if (ofRoute.length === 0) return { error: `no ${route} suite is served` };
  if (name === undefined) return ofRoute[0];
  const found = ofRoute.find((s) => s.name === name);
  return (
    found ?? {
      error: `suite "${name}" is not served here (served: ${ofRoute.map((s) => s.name).join(', ')})`,
    }
  );
}
