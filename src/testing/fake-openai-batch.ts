// The OpenAI Batch API for the fake OpenAI server: `POST /v1/files` (multipart upload of a JSONL
// of requests), `POST /v1/batches`, `GET /v1/batches/{id}`, `POST /v1/batches/{id}/cancel` and
// `GET /v1/files/{id}/content`. Each request line is answered by the server's own chat handler,
// so a batch answer equals the direct answer; a batch ends after a set number of polls.
import type { FakeHttpResponse, RecordedRequest } from './fake-http-server.js';

/** How a fake batch ends; shared with the fake Anthropic Message Batches. */
export interface FakeBatchOptions {
  /** Polls answered "in progress" before the batch ends (default 1). */
  pollsUntilDone?: number;
  /**
   * `completed` (default); `expired` or `cancelled` after `processed` requests ran (the rest are
   * reported expired/cancelled, as the real APIs do); `failed`: the input fails validation.
   */
  outcome?: 'completed' | 'expired' | 'cancelled' | 'failed';
  /** With `expired` / `cancelled`: how many requests ran before the end (default 0). */
  processed?: number;
}

export interface FakeBatchStats {
  /** Batches created (POST of a new batch). */
  created: number;
  /** Status polls answered. */
  polls: number;
  /** Request lines answered inside batches. */
  answered: number;
}

export interface FakeBatchApi {
  /** An answer for a batch route, or undefined for any other path. */
  handle(request: RecordedRequest): FakeHttpResponse | undefined;
  stats: FakeBatchStats;
  /** Change how batches created from now on end. */
  options: FakeBatchOptions;
}

interface BatchLine {
  custom_id: string;
  method: string;
  url: string;
  body: unknown;
}

interface FakeBatch {
  id: string;
  inputFileId: string;
  lines: BatchLine[];
  polls: number;
  cancelRequested: boolean;
  options: FakeBatchOptions;
  body: Record<string, unknown>;
}

const CHAT_URL = '/v1/chat/completions';

export function createFakeOpenAIBatchApi(input: {
  /** The server's own chat-completions handler, for one request line. */
  answer: (request: RecordedRequest) => FakeHttpResponse;
  errorBody: (status: number, message: string) => unknown;
  options?: FakeBatchOptions;
  /** Unix seconds in every object (fixed, so fixtures stay deterministic). */
  created: number;
}): FakeBatchApi {
  const files = new Map<string, { name: string; purpose: string; content: string }>();
  const batches = new Map<string, FakeBatch>();
  const stats: FakeBatchStats = { created: 0, polls: 0, answered: 0 };
  const api: FakeBatchApi = { handle, stats, options: { ...input.options } };
  let fileCounter = 0;

  const fileObject = (id: string) => {
    const file = files.get(id)!;
    return {
      id,
      object: 'file',
      bytes: Buffer.byteLength(file.content),
      created_at: input.created,
      filename: file.name,
      purpose: file.purpose,
      status: 'processed',
    };
  };
  const addFile = (name: string, purpose: string, content: string): string => {
    const id = `file-fake${++fileCounter}`;
    files.set(id, { name, purpose, content });
    return id;
  };
  const notFound = (what: string): FakeHttpResponse => ({
    status: 404,
    body: input.errorBody(404, `No such ${what}`),
  });

  function handle(request: RecordedRequest): FakeHttpResponse | undefined {
    const path = request.path.split('?')[0];
    if (request.method === 'POST' && path === '/v1/files') return upload(request);
    const content = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
    if (request.method === 'GET' && content) {
      const file = files.get(content[1]);
      if (!file) return notFound(`file ${content[1]}`);
      return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: file.content };
    }
    if (request.method === 'POST' && path === '/v1/batches') return create(request);
    const one = /^\/v1\/batches\/([^/]+)(\/cancel)?$/.exec(path);
    if (!one) return undefined;
    const batch = batches.get(one[1]);
    if (!batch) return notFound(`batch ${one[1]}`);
    if (request.method === 'POST' && one[2]) {
      batch.cancelRequested = true;
      return { status: 200, body: { ...batch.body, status: 'cancelling' } };
    }
    if (request.method !== 'GET' || one[2]) return undefined;
    stats.polls++;
    batch.polls++;
    if (batch.body.status === 'in_progress' || batch.body.status === 'validating') {
      if (batch.cancelRequested) finish(batch, request, 'cancelled');
      else if (batch.polls > (batch.options.pollsUntilDone ?? 1))
        finish(batch, request, batch.options.outcome ?? 'completed');
      else batch.body.status = 'in_progress';
    }
    return { status: 200, body: batch.body };
  }

  function upload(request: RecordedRequest): FakeHttpResponse {
    const type = String(request.headers['content-type'] ?? '');
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    if (!boundary || typeof request.body !== 'string')
      return { status: 400, body: input.errorBody(400, 'expected a multipart/form-data upload') };
    const parts = parseMultipart(request.body, boundary[1] ?? boundary[2]);
    const file = parts.find((p) => p.name === 'file');
    const purpose = parts.find((p) => p.name === 'purpose')?.content ?? '';
    if (!file || purpose !== 'batch')
      return { status: 400, body: input.errorBody(400, "expected a 'file' part and purpose 'batch'") };
    const id = addFile(file.filename ?? 'upload.jsonl', purpose, file.content);
    return { status: 200, body: fileObject(id) };
  }

  function create(request: RecordedRequest): FakeHttpResponse {
    const body = request.body as { input_file_id?: string; endpoint?: string; completion_window?: string };
    const file = body?.input_file_id ? files.get(body.input_file_id) : undefined;
    if (!file) return notFound(`file ${body?.input_file_id}`);
    if (body.endpoint !== CHAT_URL || body.completion_window !== '24h')
      return { status: 400, body: input.errorBody(400, 'unsupported endpoint or completion_window') };
    let lines: BatchLine[];
    try {
      lines = file.content
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as BatchLine);
    } catch {
      return { status: 400, body: input.errorBody(400, 'the input file is not JSONL') };
    }
    stats.created++;
    const id = `batch_fake${stats.created}`;
    const batchBody: Record<string, unknown> = {
      id,
      object: 'batch',
      endpoint: CHAT_URL,
      errors: null,
      input_file_id: body.input_file_id,
      completion_window: '24h',
      status: 'validating',
      output_file_id: null,
      error_file_id: null,
      created_at: input.created,
      expires_at: input.created + 86_400,
      request_counts: { total: lines.length, completed: 0, failed: 0 },
      metadata: (request.body as { metadata?: unknown }).metadata ?? null,
    };
    batches.set(id, {
      id,
      inputFileId: body.input_file_id!,
      lines,
      polls: 0,
      cancelRequested: false,
      options: { ...api.options },
      body: batchBody,
    });
    return { status: 200, body: batchBody };
  }

  function finish(batch: FakeBatch, request: RecordedRequest, outcome: string): void {
    if (outcome === 'failed') {
      batch.body.status = 'failed';
      batch.body.errors = {
        object: 'list',
        data: [{ code: 'invalid_request', message: 'fake validation failure', line: 1, param: null }],
      };
      return;
    }
    const ran = outcome === 'completed' ? batch.lines.length : (batch.options.processed ?? 0);
    const output: string[] = [];
    const errors: string[] = [];
    batch.lines.forEach((line, i) => {
      const id = `batch_req_${batch.id}_${i}`;
      if (i >= ran) {
        const code = outcome === 'expired' ? 'batch_expired' : 'batch_cancelled';
        const message =
          outcome === 'expired'
            ? 'This request could not be executed before the completion window expired.'
            : 'This request was cancelled before it ran.';
        errors.push(
          JSON.stringify({ id, custom_id: line.custom_id, response: null, error: { code, message } }),
        );
        return;
      }
      stats.answered++;
      const reply = input.answer({
        method: line.method,
        path: line.url,
        headers: request.headers,
        body: line.body,
      });
      const body = typeof reply.body === 'string' ? JSON.parse(reply.body) : reply.body;
      const response = { status_code: reply.status, request_id: `req_${id}`, body };
      (reply.status < 400 ? output : errors).push(
        JSON.stringify({ id, custom_id: line.custom_id, response, error: null }),
      );
    });
    batch.body.status = outcome;
    batch.body.request_counts = {
      total: batch.lines.length,
      completed: output.length,
      failed: errors.length,
    };
    if (output.length)
      batch.body.output_file_id = addFile(
        `${batch.id}_output.jsonl`,
        'batch_output',
        `${output.join('\n')}\n`,
      );
    if (errors.length)
      batch.body.error_file_id = addFile(`${batch.id}_error.jsonl`, 'batch_output', `${errors.join('\n')}\n`);
    batch.body[`${outcome === 'completed' ? 'completed' : outcome}_at`] = input.created + 60;
  }

  return api;
}

interface Part {
  name: string;
  filename?: string;
  content: string;
}

/** Just enough multipart/form-data for the SDK's file upload (text parts, CRLF line ends). */
function parseMultipart(body: string, boundary: string): Part[] {
  const parts: Part[] = [];
  for (const chunk of body.split(`--${boundary}`)) {
    const split = chunk.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = chunk.slice(0, split);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    parts.push({ name, filename, content: chunk.slice(split + 4).replace(/\r\n$/, '') });
  }
  return parts;
}
