// A ServingPipeline for tests of the HTTP layer: answers after a chosen delay (or when a gate
// opens), so timeouts, overload and shutdown can be provoked on purpose.
import type { InputFeatures } from '../monitor/input-features.js';
import type { ServeRequest, ServedResult, ServedSuite, ServingPipeline } from './serving-pipeline.js';

export interface ScriptedPipelineOptions {
  /** Milliseconds before each answer (default 0). */
  delayMs?: number;
  /** When set, every run waits for this promise before answering. */
  gate?: Promise<void>;
  unevaluated?: string[];
  fail?: (request: ServeRequest) => ServedResult['error'];
  /** The log line's input features (default: none, as for a project without a corpus). */
  features?: (request: ServeRequest) => Promise<InputFeatures>;
  /** The whole inputFeatures call, when a test needs to see batches (overrides `features`). */
  featureBatch?: (requests: readonly ServeRequest[]) => Promise<InputFeatures[]>;
}

export const SCRIPTED_SUITES: ServedSuite[] = [
  {
    name: 'qa',
    route: 'answer',
    model: 'local/scripted',
    promptVersion: 'answer@v1',
    promptHash: 'aaaa1111',
    samples: ['q'],
  },
  {
    name: 'qa-2',
    route: 'answer',
    model: 'local/scripted',
    promptVersion: 'answer@v2',
    promptHash: 'bbbb2222',
    samples: ['q'],
  },
  {
    name: 'intent',
    route: 'classify',
    model: 'local/scripted',
    promptVersion: 'intent@v1',
    promptHash: 'cccc3333',
    samples: ['q', 'I was charged twice'],
  },
];

export function createScriptedPipeline(options: ScriptedPipelineOptions = {}): ServingPipeline & {
  calls: ServeRequest[];
  /** The size of each inputFeatures call, warm-up included. */
  featureBatches: number[];
  /** Delay, gate and failures apply once armed (after the server's warm-up). */
  armed: boolean;
} {
  const calls: ServeRequest[] = [];
  const featureBatches: number[] = [];
  return {
    calls,
    featureBatches,
    armed: false,
    suites: SCRIPTED_SUITES,
    manifestHash: 'm4n1f3st',
    unevaluated: options.unevaluated ?? [],
    async run(request) {
      calls.push(request);
      const armed = this.armed;
      if (armed && options.gate) await options.gate;
      if (armed && options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      const suite = SCRIPTED_SUITES.find((s) => s.name === request.suite)!;
      const error = (armed && options.fail?.(request)) || null;
      const classify = request.route === 'classify';
      return {
        suite: suite.name,
        model: suite.model,
        promptVersion: suite.promptVersion,
        promptHash: suite.promptHash,
        answer: classify || error ? null : `echo: ${request.text} [doc-a.md#0]`,
        label: classify && !error ? 'billing' : null,
        probabilities: classify ? { billing: 0.8, other: 0.2 } : null,
        confidence: classify ? 0.8 : null,
        citations: classify ? [] : ['doc-a.md#0'],
        contexts: classify ? [] : [{ id: 'doc-a.md#0', doc_id: 'doc-a.md', score: 0.5, text: 'A passage.' }],
        retrievedDocs: classify ? [] : ['doc-a.md'],
        topScore: classify ? null : 0.5,
        declined: false,
        needsReview: Boolean(error),
        error,
      };
    },
    async inputFeatures(requests) {
      featureBatches.push(requests.length);
      if (this.armed && options.featureBatch) return options.featureBatch(requests);
      // Like an embedder taking a batch: one failing input fails the call.
      if (this.armed && options.features) return Promise.all(requests.map((r) => options.features!(r)));
      return requests.map(() => ({ oovRate: null, centroidDistance: null }));
    },
    close: async () => {},
  };
}
