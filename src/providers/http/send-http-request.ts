// One HTTP exchange with the user's service over a keep-alive node:http(s) agent, reading at
// most `maxBytes` of reply (a larger one is refused mid-stream, never buffered whole), honouring
// an AbortSignal (timeouts, cancellation), and optionally reading server-sent events so the time
// to the first token can be recorded. Plain node:http keeps the per-call CPU small (bench).
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';

export interface HttpExchange {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  maxBytes: number;
  signal: AbortSignal;
  /** Called with each SSE event's data (text after `data:`), in order, when the reply is an event stream. */
  onEvent?: (data: string) => void;
}

/** The one thing read from reply headers: a value by (case-insensitive) name. */
export interface ReplyHeaders {
  get(name: string): string | null;
}

export interface HttpReply {
  status: number;
  headers: ReplyHeaders;
  /** The body text (for an event stream: empty, events went to onEvent). */
  text: string;
  eventStream: boolean;
}

export class ReplyTooLargeError extends Error {}

export interface HttpSender {
  send(exchange: HttpExchange): Promise<HttpReply>;
  destroy(): void;
}

export function createHttpSender(): HttpSender {
  const options = { keepAlive: true, scheduling: 'lifo' as const };
  const agents = { 'http:': new http.Agent(options), 'https:': new https.Agent(options) };
  return {
    send: (exchange) => send(exchange, agents),
    destroy: () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

function send(exchange: HttpExchange, agents: Record<'http:' | 'https:', http.Agent>): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const { url, signal } = exchange;
    if (signal.aborted) return reject(signal.reason);
    const protocol = url.protocol as 'http:' | 'https:';
    if (!(protocol in agents)) return reject(new TypeError(`unsupported protocol ${url.protocol}`));
    const transport = protocol === 'https:' ? https : http;
    const headers: Record<string, string> = {
      accept: 'application/json, text/event-stream;q=0.9, */*;q=0.8',
      ...exchange.headers,
    };
    if (exchange.body !== undefined) headers['content-length'] = String(Buffer.byteLength(exchange.body));
    let settled = false;
    const finish = (error: unknown, reply?: HttpReply): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(reply!);
    };
    const onAbort = (): void => {
      request.destroy();
      finish(signal.reason);
    };
    const request = transport.request(
      url,
      { method: exchange.method, headers, agent: agents[protocol] },
      (res) => readReply(res, exchange, finish),
    );
    request.on('error', (error) => finish(error));
    signal.addEventListener('abort', onAbort, { once: true });
    request.end(exchange.body);
  });
}

function readReply(
  res: IncomingMessage,
  exchange: HttpExchange,
  finish: (error: unknown, reply?: HttpReply) => void,
): void {
  const status = res.statusCode ?? 0;
  // Node has parsed the headers already; a web Headers object would cost more than the call.
  const headers: ReplyHeaders = { get: (name) => headerValue(res.headers[name.toLowerCase()]) };
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > exchange.maxBytes) {
    finish(new ReplyTooLargeError(`reply of ${declared} bytes is over the ${exchange.maxBytes}-byte cap`));
    res.destroy();
    return;
  }
  const eventStream =
    status < 300 && exchange.onEvent !== undefined && /event-stream/i.test(res.headers['content-type'] ?? '');
  const chunks: Buffer[] = [];
  let size = 0;
  let pending = '';
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > exchange.maxBytes) {
      finish(new ReplyTooLargeError(`reply is over the ${exchange.maxBytes}-byte cap`));
      res.destroy();
      return;
    }
    if (!eventStream) {
      chunks.push(chunk);
      return;
    }
    pending += chunk.toString('utf8');
    pending = drainEvents(pending, exchange.onEvent!);
  });
  res.on('end', () => {
    if (eventStream && pending.trim()) drainEvents(`${pending}\n\n`, exchange.onEvent!);
    finish(null, {
      status,
      headers,
      text: eventStream ? '' : Buffer.concat(chunks).toString('utf8'),
      eventStream,
    });
  });
  res.on('error', (error) => finish(error));
  res.on('aborted', () => finish(new TypeError('connection closed before the reply ended')));
}

/** Hands every complete event (blank-line terminated) to onEvent; returns the unfinished rest. */
function drainEvents(buffer: string, onEvent: (data: string) => void): string {
  const normalised = buffer.includes('\r') ? buffer.replace(/\r\n?/g, '\n') : buffer;
  const events = normalised.split('\n\n');
  const rest = events.pop() ?? '';
  for (const event of events) {
    const data = event
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5));
    if (data.length > 0) onEvent(data.join('\n'));
  }
  return rest;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
