// Anthropic Message Batches for the fake Anthropic server: `POST /v1/messages/batches`,
// `GET /v1/messages/batches/{id}`, `POST …/{id}/cancel` and the JSONL at `results_url`. Each
// request is answered by the server's own Messages handler, so a batch answer equals the direct
// answer; a batch ends after a set number of polls.
import type { FakeHttpResponse, RecordedRequest } from './fake-http-server.js';
import type { FakeBatchApi, FakeBatchOptions, FakeBatchStats } from './fake-openai-batch.js';

interface FakeMessageBatch {
  requests: { custom_id: string; params: unknown }[];
  polls: number;
  cancelRequested: boolean;
  options: FakeBatchOptions;
  body: Record<string, unknown>;
  results: string | null;
}

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;

export function createFakeAnthropicBatchApi(input: {
  /** The server's own Messages handler, for one request of a batch. */
  answer: (request: RecordedRequest) => FakeHttpResponse;
  errorBody: (status: number, message: string) => unknown;
  options?: FakeBatchOptions;
}): FakeBatchApi {
  const batches = new Map<string, FakeMessageBatch>();
  const stats: FakeBatchStats = { created: 0, polls: 0, answered: 0 };
  const api: FakeBatchApi = { handle, stats, options: { ...input.options } };
  const created = '2026-01-01T00:00:00Z';

  function handle(request: RecordedRequest): FakeHttpResponse | undefined {
    const path = request.path.split('?')[0];
    if (request.method === 'POST' && path === '/v1/messages/batches') return create(request);
    const one = /^\/v1\/messages\/batches\/([^/]+)(\/cancel|\/results)?$/.exec(path);
    if (!one) return undefined;
    const batch = batches.get(one[1]);
    if (!batch) return { status: 404, body: input.errorBody(404, `message batch ${one[1]} not found`) };
    if (request.method === 'POST' && one[2] === '/cancel') {
      batch.cancelRequested = true;
      if (batch.body.processing_status === 'in_progress') batch.body.processing_status = 'canceling';
      return { status: 200, body: batch.body };
    }
    if (request.method !== 'GET') return undefined;
    if (one[2] === '/results') {
      if (batch.results === null)
        return { status: 404, body: input.errorBody(404, 'results are not available yet') };
      return { status: 200, headers: { 'content-type': 'application/binary' }, body: batch.results };
    }
    stats.polls++;
    batch.polls++;
    if (batch.body.processing_status !== 'ended') {
      if (batch.cancelRequested) finish(batch, request, one[1], 'cancelled');
      else if (batch.polls > (batch.options.pollsUntilDone ?? 1))
        finish(batch, request, one[1], batch.options.outcome ?? 'completed');
    }
    return { status: 200, body: batch.body };
  }

  function create(request: RecordedRequest): FakeHttpResponse {
    const body = request.body as { requests?: { custom_id?: unknown; params?: unknown }[] };
    const requests = body?.requests;
    if (!Array.isArray(requests) || requests.length === 0)
      return { status: 400, body: input.errorBody(400, 'requests: expected a non-empty list') };
    const seen = new Set<string>();
    for (const r of requests) {
      if (typeof r.custom_id !== 'string' || !CUSTOM_ID.test(r.custom_id) || seen.has(r.custom_id))
        return {
          status: 400,
          body: input.errorBody(400, `invalid or duplicate custom_id ${String(r.custom_id)}`),
        };
      seen.add(r.custom_id);
    }
    if (api.options.outcome === 'failed')
      return { status: 400, body: input.errorBody(400, 'fake validation failure') };
    stats.created++;
    const id = `msgbatch_fake${stats.created}`;
    const batchBody: Record<string, unknown> = {
      id,
      type: 'message_batch',
      processing_status: 'in_progress',
      request_counts: { processing: requests.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
      ended_at: null,
      created_at: created,
      expires_at: '2026-01-02T00:00:00Z',
      archived_at: null,
      cancel_initiated_at: null,
      results_url: null,
    };
    batches.set(id, {
      requests: requests as FakeMessageBatch['requests'],
      polls: 0,
      cancelRequested: false,
      options: { ...api.options },
      body: batchBody,
      results: null,
    });
    return { status: 200, body: batchBody };
  }

  function finish(batch: FakeMessageBatch, request: RecordedRequest, id: string, outcome: string): void {
    const ran = outcome === 'completed' ? batch.requests.length : (batch.options.processed ?? 0);
    const counts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    const lines = batch.requests.map((r, i) => {
      if (i >= ran) {
        const type = outcome === 'expired' ? 'expired' : 'canceled';
        counts[type]++;
        return JSON.stringify({ custom_id: r.custom_id, result: { type } });
      }
      stats.answered++;
      const reply = input.answer({
        method: 'POST',
        path: '/v1/messages',
        headers: request.headers,
        body: r.params,
      });
      const body = typeof reply.body === 'string' ? JSON.parse(reply.body) : reply.body;
      if (reply.status >= 400) {
        counts.errored++;
        return JSON.stringify({ custom_id: r.custom_id, result: { type: 'errored', error: body } });
      }
      counts.succeeded++;
      return JSON.stringify({ custom_id: r.custom_id, result: { type: 'succeeded', message: body } });
    });
    batch.results = `${lines.join('\n')}\n`;
    Object.assign(batch.body, {
      processing_status: 'ended',
      request_counts: counts,
      ended_at: '2026-01-01T00:01:00Z',
      results_url: `http://${request.headers.host}/v1/messages/batches/${id}/results`,
    });
  }

  return api;
}
