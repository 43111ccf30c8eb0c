import { describe, expect, it } from 'vitest';
import { BufferedResponse } from './buffered-response.js';

const encoder = new TextEncoder();
const init = (status = 200) => ({
  status,
  statusText: 'OK',
  headers: new Headers({ 'content-type': 'application/json' }),
  url: 'http://127.0.0.1/v1/x',
});

/** The same reply as a global Response, for side-by-side checks. */
function real(text: string | null, status = 200): Response {
  return new Response(text === null ? null : encoder.encode(text), {
    status,
    statusText: 'OK',
    headers: { 'content-type': 'application/json' },
  });
}

function buffered(text: string | null, status = 200): BufferedResponse {
  return new BufferedResponse(text === null ? null : encoder.encode(text), init(status));
}

describe('BufferedResponse behaves like the Response fetch returns', () => {
  it('reads text, json, bytes, arrayBuffer and blob as Response does', async () => {
    const body = '{"answer":"é"}';
    expect(await buffered(body).text()).toBe(await real(body).text());
    expect(await buffered(body).json()).toEqual(await real(body).json());
    expect([...(await buffered(body).bytes())]).toEqual([...new Uint8Array(await real(body).arrayBuffer())]);
    expect(new Uint8Array(await buffered(body).arrayBuffer())).toEqual(
      new Uint8Array(await real(body).arrayBuffer()),
    );
    const blob = await buffered(body).blob();
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(body);
  });

  it('lets the body be read once, like Response', async () => {
    for (const response of [buffered('{}'), real('{}')]) {
      expect(response.bodyUsed).toBe(false);
      await response.json();
      expect(response.bodyUsed).toBe(true);
      await expect(response.text()).rejects.toThrow(TypeError);
      expect(() => response.clone()).toThrow(TypeError);
    }
  });

  it('after a read, `body` is a used-up stream, as on Response', async () => {
    for (const response of [buffered('{}'), real('{}')]) {
      await response.text();
      const body = response.body!;
      expect(body).toBeInstanceOf(ReadableStream);
      expect(body.locked).toBe(true);
      expect(response.bodyUsed).toBe(true);
    }
  });

  it('reads a bodiless reply as empty every time, never "used", and clones it, as Response does', async () => {
    for (const response of [buffered(null, 204), real(null, 204)]) {
      expect(await response.text()).toBe('');
      expect(await response.text()).toBe('');
      expect(response.bodyUsed).toBe(false);
      expect(await response.clone().text()).toBe('');
    }
  });

  it('reports ok, status, url and headers', () => {
    const response = buffered('x', 429);
    expect(response.ok).toBe(false);
    expect(buffered('x', 204).ok).toBe(true);
    expect(response.status).toBe(429);
    expect(response.url).toBe('http://127.0.0.1/v1/x');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('gives a readable web stream on `body`, and reads stay consistent after it', async () => {
    const response = buffered('streamed');
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(new TextDecoder().decode(Buffer.concat(chunks))).toBe('streamed');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    // An SDK cancels the body of a reply it retries; that must not throw.
    await buffered('retry me').body!.cancel();
  });

  it('has a null body for a bodiless reply, and clones an unread one', async () => {
    expect(buffered(null, 204).body).toBeNull();
    expect(await buffered(null, 204).text()).toBe('');
    const original = buffered('twice');
    const copy = original.clone();
    expect(await copy.text()).toBe('twice');
    expect(await original.text()).toBe('twice');
  });
});
