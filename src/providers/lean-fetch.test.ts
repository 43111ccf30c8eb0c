import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeanFetch } from './lean-fetch.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  remotePort: number;
}

const seen: Seen[] = [];
let server: Server;
let origin: string;
let other: Server;
let otherOrigin: string;

function route(req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = req.url ?? '/';
  if (path === '/json') {
    res.writeHead(201, 'Created', { 'content-type': 'application/json', 'x-multi': ['a', 'b'] });
    return void res.end(JSON.stringify({ echo: body, method: req.method }));
  }
  if (path === '/empty') return void res.writeHead(204).end();
  if (path === '/gzip') {
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
    return void res.end(gzipSync('compressed hello'));
  }
  if (path === '/slow-headers') return void setTimeout(() => res.end('late'), 5_000).unref();
  if (path === '/slow-body') {
    res.writeHead(200);
    res.write('part one;');
    return void setTimeout(() => res.end('part two'), 5_000).unref();
  }
  if (path === '/redirect-same') return void res.writeHead(307, { location: '/json' }).end();
  if (path === '/redirect-see-other') return void res.writeHead(303, { location: '/json' }).end();
  if (path === '/redirect-cross') return void res.writeHead(307, { location: `${otherOrigin}/json` }).end();
  res.writeHead(404).end('not found');
}

function listen(target: Server): Promise<string> {
  return new Promise((resolve) =>
    target.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(target.address() as AddressInfo).port}`),
    ),
  );
}

function handler(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body,
      remotePort: req.socket.remotePort ?? 0,
    });
    route(req, res, body);
  });
}

beforeAll(async () => {
  server = createServer(handler);
  other = createServer(handler);
  origin = await listen(server);
  otherOrigin = await listen(other);
});

afterAll(async () => {
  for (const s of [server, other]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

describe('createLeanFetch', () => {
  it('sends method, headers and body and returns what fetch returns', async () => {
    const leanFetch = createLeanFetch();
    const res = await leanFetch(`${origin}/json`, {
      method: 'post',
      headers: new Headers({ 'Content-Type': 'application/json', Authorization: 'Bearer k' }),
      body: JSON.stringify({ q: 'é' }),
    });
    expect(res.status).toBe(201);
    expect(res.statusText).toBe('Created');
    expect(res.ok).toBe(true);
    expect(res.url).toBe(`${origin}/json`);
    expect(res.headers.get('x-multi')).toBe('a, b');
    expect(await res.json()).toEqual({ echo: '{"q":"é"}', method: 'POST' });
    const last = seen.at(-1)!;
    expect(last.headers.authorization).toBe('Bearer k');
    expect(last.headers['content-length']).toBe(String(Buffer.byteLength('{"q":"é"}')));
    leanFetch.destroy();
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    const leanFetch = createLeanFetch();
    for (let i = 0; i < 3; i++)
      await (await leanFetch(`${origin}/json`, { method: 'POST', body: String(i) })).text();
    const ports = new Set(seen.slice(-3).map((s) => s.remotePort));
    expect(ports.size).toBe(1);
    leanFetch.destroy();
  });

  it('handles bodiless statuses, gzip and 404', async () => {
    const leanFetch = createLeanFetch();
    const empty = await leanFetch(`${origin}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    expect(await (await leanFetch(`${origin}/gzip`)).text()).toBe('compressed hello');
    const missing = await leanFetch(`${origin}/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('not found');
    leanFetch.destroy();
  });

  it('rejects with the abort reason when aborted before the response', async () => {
    const leanFetch = createLeanFetch();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(leanFetch(`${origin}/slow-headers`, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(leanFetch(`${origin}/json`, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    leanFetch.destroy();
  });

  // Non-streaming bodies are buffered before the promise settles (cheaper than a web stream
  // for small JSON replies), so a failure while the body arrives rejects the fetch itself.
  it('rejects with AbortError when aborted while the body arrives', async () => {
    const leanFetch = createLeanFetch();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(leanFetch(`${origin}/slow-body`, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    leanFetch.destroy();
  });

  it('fails a body that stalls longer than bodyTimeoutMs', async () => {
    const leanFetch = createLeanFetch({ bodyTimeoutMs: 100 });
    await expect(leanFetch(`${origin}/slow-body`)).rejects.toThrow(/timed out/);
    leanFetch.destroy();
  });

  it('reports connection failures as TypeError("fetch failed") with the cause', async () => {
    const leanFetch = createLeanFetch();
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const error = await leanFetch(`${url}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    expect(((error as TypeError).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    leanFetch.destroy();
  });

  it('follows redirects like fetch, dropping credentials across origins', async () => {
    const leanFetch = createLeanFetch();
    const same = await leanFetch(`${origin}/redirect-same`, {
      method: 'POST',
      body: 'x',
      headers: { authorization: 'Bearer k' },
    });
    expect(await same.json()).toEqual({ echo: 'x', method: 'POST' });
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer k');

    const seeOther = await leanFetch(`${origin}/redirect-see-other`, { method: 'POST', body: 'x' });
    expect(await seeOther.json()).toEqual({ echo: '', method: 'GET' });

    const cross = await leanFetch(`${origin}/redirect-cross`, {
      method: 'POST',
      body: 'y',
      headers: { authorization: 'Bearer k' },
    });
    expect(cross.status).toBe(201);
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();

    const manual = await leanFetch(`${origin}/redirect-same`, { redirect: 'manual' });
    expect(manual.status).toBe(307);
    leanFetch.destroy();
  });
});
