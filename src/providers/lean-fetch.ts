// A small `fetch` over node:http/node:https with keep-alive agents, for the SDKs' `fetch`
// option. Why: with Node's built-in fetch (undici) the openai SDK spends about 1.0 ms of CPU per
// request; over a keep-alive node:http agent about 0.6 ms, which matters when a cached or local
// run makes thousands of calls. A streamed reply (server-sent events) comes back as a real
// global `Response`, a buffered one as a BufferedResponse (same interface, no web stream unless
// asked for); AbortSignal is honoured.
// Anything it does not handle (Request objects, streamed/FormData/Blob bodies) goes to the
// global fetch unchanged.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { BufferedResponse } from './buffered-response.js';

export interface LeanFetchOptions {
  /** Per-origin socket limit (default: unlimited; callers bound concurrency themselves). */
  maxSockets?: number;
  /** Idle keep-alive sockets are closed after this long (default 15 s). */
  idleTimeoutMs?: number;
  maxRedirects?: number;
  /**
   * Fail a response whose body stalls for this long (default 5 min, as Node's fetch). The SDKs'
   * own timeout stops at the response headers, so without this a stalled body would hang forever.
   */
  bodyTimeoutMs?: number;
}

export interface LeanFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Close the idle keep-alive sockets (lets a short-lived process exit promptly). */
  destroy(): void;
}

type SimpleBody = string | Uint8Array | ArrayBuffer | URLSearchParams | null | undefined;

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Credentials must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'api-key', 'cookie', 'proxy-authorization'];

export function createLeanFetch(options: LeanFetchOptions = {}): LeanFetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? Infinity,
    timeout: options.idleTimeoutMs ?? 15_000,
    scheduling: 'lifo' as const,
  };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  const maxRedirects = options.maxRedirects ?? 20;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 300_000;

  const send = (
    url: URL,
    init: RequestInit,
    headers: Record<string, string>,
    redirects: number,
  ): Promise<Response> =>
    new Promise((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      const protocol = url.protocol as keyof typeof agents;
      const agent = agents[protocol];
      if (!agent) return reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));
      const method = (init.method ?? 'GET').toUpperCase();
      const body = encodeBody(init.body as SimpleBody, headers);

      let response: IncomingMessage | undefined;
      let settled = false;
      const onAbort = (): void => {
        const reason = signal?.reason;
        request.destroy();
        response?.destroy(reason);
        if (!settled) {
          settled = true;
          reject(reason);
        }
      };
      const cleanup = (): void => signal?.removeEventListener('abort', onAbort);

      const transport = protocol === 'https:' ? https : http;
      const request = transport.request(url, { method, headers, agent }, (res) => {
        response = res;
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (REDIRECT_STATUS.has(status) && location && init.redirect !== 'manual') {
          res.resume();
          cleanup();
          settled = true;
          if (init.redirect === 'error') return reject(new TypeError('fetch failed: unexpected redirect'));
          if (redirects >= maxRedirects) return reject(new TypeError('fetch failed: too many redirects'));
          const next = new URL(location, url);
          const nextHeaders = { ...headers };
          let nextInit = init;
          if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
            nextInit = { ...init, method: 'GET', body: null };
            delete nextHeaders['content-length'];
            delete nextHeaders['content-type'];
          }
          if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) delete nextHeaders[name];
          return resolve(send(next, nextInit, nextHeaders, redirects + 1));
        }
        const hasBody = !NULL_BODY_STATUS.has(status) && method !== 'HEAD';
        const respond = (body: ReadableStream<Uint8Array> | Uint8Array | null): void => {
          settled = true;
          const init = {
            status,
            statusText: res.statusMessage ?? '',
            headers: toHeaders(res.rawHeaders),
            url: url.href,
          };
          if (!(body instanceof ReadableStream)) {
            resolve(new BufferedResponse(body, init) as unknown as Response);
            return;
          }
          const result = new Response(body, init);
          // `url` is read-only on Response; SDKs log it, so set it like fetch would.
          Object.defineProperty(result, 'url', { value: url.href });
          resolve(result);
        };
        if (!hasBody) {
          res.resume();
          cleanup();
          return respond(null);
        }
        res.setTimeout(bodyTimeoutMs, () =>
          res.destroy(new TypeError('terminated: response body timed out')),
        );
        if (String(res.headers['content-type'] ?? '').includes('event-stream'))
          return respond(toWebStream(decode(res), cleanup));
        // A JSON reply is small: buffering it and handing Response a Buffer costs far less CPU
        // than bridging a Node stream into a web stream (measured ~0.1 ms per request).
        const chunks: Buffer[] = [];
        const body = decode(res);
        body.on('data', (chunk: Buffer) => chunks.push(chunk));
        body.on('end', () => {
          cleanup();
          respond(Buffer.concat(chunks));
        });
        body.on('error', (error) => {
          cleanup();
          if (settled) return;
          settled = true;
          reject(error instanceof TypeError ? error : new TypeError('terminated', { cause: error }));
        });
      });
      request.on('error', (error) => {
        cleanup();
        if (settled) return;
        settled = true;
        // After the headers, a failure is the body's (e.g. its timeout), not the connection's.
        if (response)
          reject(error instanceof TypeError ? error : new TypeError('terminated', { cause: error }));
        else reject(new TypeError('fetch failed', { cause: error }));
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      request.end(body);
    });

  const leanFetch = ((input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (typeof input !== 'string' && !(input instanceof URL)) return fetch(input, init);
    if (!isSimpleBody(init.body)) return fetch(input, init);
    return send(typeof input === 'string' ? new URL(input) : input, init, toHeaderRecord(init.headers), 0);
  }) as LeanFetch;
  leanFetch.destroy = () => {
    agents['http:'].destroy();
    agents['https:'].destroy();
  };
  return leanFetch;
}

function isSimpleBody(body: unknown): body is SimpleBody {
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    body instanceof URLSearchParams
  );
}

/** The body as bytes or text for `request.end`, adding the headers fetch would add. */
function encodeBody(body: SimpleBody, headers: Record<string, string>): string | Uint8Array | undefined {
  if (body === null || body === undefined) return undefined;
  let encoded: string | Uint8Array;
  if (typeof body === 'string') {
    headers['content-type'] ??= 'text/plain;charset=UTF-8';
    encoded = body;
  } else if (body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    encoded = body.toString();
  } else {
    encoded = body instanceof ArrayBuffer ? new Uint8Array(body) : body;
  }
  headers['content-length'] ??= String(
    typeof encoded === 'string' ? Buffer.byteLength(encoded) : encoded.byteLength,
  );
  return encoded;
}

function toHeaderRecord(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (init instanceof Headers) init.forEach((value, name) => (out[name] = value));
  else if (Array.isArray(init)) for (const [name, value] of init) out[name.toLowerCase()] = value;
  else if (init) for (const [name, value] of Object.entries(init)) out[name.toLowerCase()] = value;
  out.accept ??= '*/*';
  return out;
}

function toHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  return headers;
}

/** Undo content-encoding, as fetch does (servers may compress even unasked). */
function decode(res: IncomingMessage): Readable {
  const encoding = res.headers['content-encoding']?.trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) return res;
  res.on('error', (error) => decoder.destroy(error));
  return res.pipe(decoder);
}

/** Push-based web stream over a node stream, pausing the socket when the reader falls behind. */
function toWebStream(source: Readable, onDone: () => void): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      source.on('data', (chunk: Buffer) => {
        if (done) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) source.pause();
      });
      source.on('end', () => {
        if (done) return;
        done = true;
        onDone();
        controller.close();
      });
      source.on('error', (error) => {
        if (done) return;
        done = true;
        onDone();
        controller.error(error);
      });
    },
    pull() {
      source.resume();
    },
    cancel(reason) {
      done = true;
      onDone();
      source.destroy(reason instanceof Error ? reason : undefined);
    },
  });
}
