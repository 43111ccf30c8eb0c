// The `Response` the lean fetch returns for a reply it has already read in full (every JSON
// reply from a model API). A global `Response` built from bytes wraps them in a web
// ReadableStream up front and reads them back through it; over thousands of small replies
// that was ~0.06 ms of CPU each, a tenth of an SDK call. This class answers from the bytes
// and builds a real `Response` only if someone asks for `body` or `formData`, then delegates
// to it, so it behaves like fetch's Response for every caller: the SDKs read `status`, `ok`,
// `headers`, `json()`/`text()`, and cancel `body` before a retry.

export interface BufferedResponseInit {
  status: number;
  statusText: string;
  headers: Headers;
  url: string;
}

export class BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly url: string;
  readonly redirected = false;
  readonly type = 'basic' as const;
  #bytes: Uint8Array | null;
  #used = false;
  #real: Response | undefined;

  constructor(bytes: Uint8Array | null, init: BufferedResponseInit) {
    this.#bytes = bytes;
    this.status = init.status;
    this.statusText = init.statusText;
    this.headers = init.headers;
    this.url = init.url;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get bodyUsed(): boolean {
    return this.#real ? this.#real.bodyUsed : this.#used;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.#bytes === null) return null;
    if (this.#used && !this.#real) return usedUpStream();
    return this.#materialize().body;
  }

  async text(): Promise<string> {
    if (this.#real) return this.#real.text();
    return new TextDecoder().decode(this.#consume());
  }

  async json(): Promise<unknown> {
    if (this.#real) return this.#real.json();
    return JSON.parse(new TextDecoder().decode(this.#consume()));
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#real) return new Uint8Array(await this.#real.arrayBuffer());
    return new Uint8Array(this.#consume());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.headers.get('content-type') ?? '' });
  }

  async formData(): Promise<FormData> {
    return this.#materialize().formData();
  }

  clone(): BufferedResponse | Response {
    if (this.#real) return this.#real.clone();
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.#bytes, {
      status: this.status,
      statusText: this.statusText,
      headers: new Headers(this.headers),
      url: this.url,
    });
  }

  #consume(): Uint8Array {
    // Like fetch: a null body reads as empty as often as asked and is never "used".
    if (this.#bytes === null) return new Uint8Array(0);
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes;
  }

  #materialize(): Response {
    if (!this.#real) {
      if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
      this.#real = new Response(this.#bytes as BodyInit | null, {
        status: this.status,
        statusText: this.statusText,
        headers: this.headers,
      });
      Object.defineProperty(this.#real, 'url', { value: this.url });
    }
    return this.#real;
  }
}

/** What `body` is on a Response whose body was read: a stream that is locked and disturbed. */
function usedUpStream(): ReadableStream<Uint8Array> {
  const stream = new ReadableStream<Uint8Array>();
  void stream.getReader().read();
  return stream;
}
