// The HTTP plumbing shared by the fake OpenAI and Anthropic servers: listen on 127.0.0.1,
// read and record JSON requests, and send scripted responses (delayed, hung, or failed).
// Kept lean on purpose: a benchmark drives 2,000 requests through it at 0 ms latency.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path including any query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Exactly as received (lower-cased names), so tests can assert that auth headers arrived. */
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it is not JSON, or `undefined` when empty. */
  body: unknown;
}

export interface FakeHttpResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless already a string. */
  body?: unknown;
  /** Wait this long before answering. A wait longer than the client's timeout simulates a hang. */
  delayMs?: number;
  /** Destroy the connection instead of answering (a reset). */
  reset?: boolean;
}

export interface FakeHttpServerOptions {
  handle: (request: RecordedRequest) => FakeHttpResponse;
  /** Added to every response's own `delayMs`. */
  latencyMs?: number;
  /** Keep every request in `requests` (default true); turn off for very long benchmarks. */
  record?: boolean;
}

export interface FakeHttpServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeHttpServer(options: FakeHttpServerOptions): Promise<FakeHttpServer> {
  const requests: RecordedRequest[] = [];
  const record = options.record ?? true;
  const latencyMs = options.latencyMs ?? 0;
  const pending = new Set<NodeJS.Timeout>();

  const respond = (res: ServerResponse, reply: FakeHttpResponse): void => {
    if (reply.reset) {
      res.socket?.destroy();
      return;
    }
    const payload =
      typeof reply.body === 'string'
        ? reply.body
        : reply.body === undefined
          ? ''
          : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      ...reply.headers,
    });
    res.end(payload);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: parseBody(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
      };
      if (record) requests.push(recorded);
      let reply: FakeHttpResponse;
      try {
        reply = options.handle(recorded);
      } catch (error) {
        reply = { status: 500, body: { error: { message: `fake server handler threw: ${String(error)}` } } };
      }
      const delay = latencyMs + (reply.delayMs ?? 0);
      if (delay <= 0) return respond(res, reply);
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (!res.destroyed) respond(res, reply);
      }, delay);
      pending.add(timer);
      // A client that times out closes the socket; drop the timer so nothing lingers.
      res.on('close', () => {
        clearTimeout(timer);
        pending.delete(timer);
      });
    });
  };

  const server = createServer({ keepAlive: true }, onRequest);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        pending.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
