// Caches embeddings like generations: one content-addressed entry per (embedder, text), so a
// rebuilt index (new chunk size, edited corpus) only pays for the texts it has not seen, and
// a rerun embeds nothing. Vectors are stored as base64 Float32 bytes, exact to the bit.
import { hashValue } from '../../core/hash.js';
import type { ResponseCache } from '../../providers/response-cache.js';
import type { Embedder } from '../embedder.js';

/** `namespace` separates servers behind the same embedder id (e.g. different base URLs). */
export function withEmbeddingCache(
  embedder: Embedder,
  cache: ResponseCache,
  options: { namespace?: string } = {},
): Embedder & { stats: { hits: number; misses: number } } {
  const stats = { hits: 0, misses: 0 };
  const keyOf = (text: string): string =>
    hashValue({
      kind: 'embedding',
      namespace: options.namespace,
      embedder: embedder.id,
      dimension: embedder.dimension,
      text,
    });
  return {
    id: embedder.id,
    dimension: embedder.dimension,
    stats,
    async embed(texts) {
      const out: (Float32Array | undefined)[] = new Array(texts.length);
      const missing: number[] = [];
      for (let i = 0; i < texts.length; i++) {
        const hit = await cache.get(keyOf(texts[i]));
        const vector = typeof hit === 'string' ? decode(hit, embedder.dimension) : undefined;
        if (vector) out[i] = vector;
        else missing.push(i);
      }
      stats.hits += texts.length - missing.length;
      stats.misses += missing.length;
      if (missing.length > 0) {
        const fresh = await embedder.embed(missing.map((i) => texts[i]));
        for (let j = 0; j < missing.length; j++) {
          out[missing[j]] = fresh[j];
          await cache.set(keyOf(texts[missing[j]]), encode(fresh[j]));
        }
      }
      return out as Float32Array[];
    },
  };
}

function encode(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

/** undefined for an entry of the wrong size (a changed model behind the same id is a miss). */
function decode(text: string, dimension: number): Float32Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength !== dimension * 4) return undefined;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
