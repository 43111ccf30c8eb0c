// Prometheus metrics for the server, on a registry of its own (never prom-client's global one,
// so two servers in one process — tests, embedding — do not share counts).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const REJECT_REASONS = [
  'invalid',
  'too_large',
  'unauthorized',
  'overloaded',
  'not_ready',
  'internal',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
/** Pipeline outcomes other than ok: counted in both requests_total and errors_total. */
const FAILED_OUTCOMES = ['timeout', 'error'] as const;

export interface ServeMetrics {
  registry: Registry;
  observe(options: { route: string; status: string; seconds: number; needsReview: boolean }): void;
  rejected(route: string, reason: RejectReason): void;
  inFlight: Gauge;
  /** Inference-log lines written without input features because the deferral bounds were hit. */
  featuresSkipped: Counter;
}

export function createServeMetrics(options: {
  manifestHash: string;
  evaluated: boolean;
  /** Process metrics (CPU, memory, event-loop lag, GC); default true. */
  processMetrics?: boolean;
  /** Routes served: their request, latency and review series start at zero. */
  routes?: readonly string[];
}): ServeMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false)
    collectDefaultMetrics({ register: registry, prefix: 'evalgate_process_' });
  const requests = new Counter({
    name: 'evalgate_requests_total',
    help: 'Requests answered by the pipeline, by route and outcome (ok, timeout, error)',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'evalgate_request_duration_seconds',
    help: 'Time from request to response for pipeline routes',
    labelNames: ['route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'evalgate_errors_total',
    help: 'Failed requests: timeouts and model errors (fallback responses) and rejections, by kind',
    labelNames: ['route', 'kind'],
    registers: [registry],
  });
  const review = new Counter({
    name: 'evalgate_needs_review_total',
    help: 'Responses flagged needs_review (review rate = this / evalgate_requests_total)',
    labelNames: ['route'],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'evalgate_in_flight_requests',
    help: 'Pipeline requests in progress (timed-out work counts until it settles)',
    registers: [registry],
  });
  const featuresSkipped = new Counter({
    name: 'evalgate_log_features_skipped_total',
    help: 'Inference-log lines written with null input features: the server was too busy to compute them in time',
    registers: [registry],
  });
  new Gauge({
    name: 'evalgate_serving_info',
    help: 'What is served: manifest hash, and whether it matches the accepted baseline',
    labelNames: ['manifest_hash', 'evaluated'],
    registers: [registry],
  })
    .labels(options.manifestHash, String(options.evaluated))
    .set(1);
  // Prometheus practice: a series exists from the start (rate() and absence alerts work before
  // the first request), and the first request does not pay for creating it.
  for (const route of options.routes ?? []) {
    for (const status of ['ok', ...FAILED_OUTCOMES]) requests.inc({ route, status }, 0);
    duration.zero({ route });
    review.inc({ route }, 0);
    for (const kind of [...FAILED_OUTCOMES, ...REJECT_REASONS]) errors.inc({ route, kind }, 0);
  }
  return {
    registry,
    inFlight,
    featuresSkipped,
    observe({ route, status, seconds, needsReview }) {
      requests.labels(route, status).inc();
      duration.labels(route).observe(seconds);
      if (status !== 'ok') errors.labels(route, status).inc();
      if (needsReview) review.labels(route).inc();
    },
    rejected(route, reason) {
      errors.labels(route, reason).inc();
    },
  };
}
