// Chunk texts for the drill-down, read from the saved retrieval index (chunks.json) that was
// built from the same corpus as the run. Results store chunk ids only; when no matching index
// is on disk (deleted, or rebuilt for another corpus) the report shows ids without text.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ChunkTexts {
  text(id: string): string | undefined;
  readonly available: boolean;
}

export const NO_CHUNK_TEXTS: ChunkTexts = { text: () => undefined, available: false };

export async function loadChunkTexts(
  indexDir: string | null,
  corpusHash: string | null,
): Promise<ChunkTexts> {
  if (!indexDir || !corpusHash) return NO_CHUNK_TEXTS;
  let entries: string[];
  try {
    entries = (await readdir(indexDir)).sort();
  } catch {
    return NO_CHUNK_TEXTS;
  }
  for (const entry of entries) {
    try {
      const manifest = JSON.parse(await readFile(path.join(indexDir, entry, 'manifest.json'), 'utf8'));
      if (manifest?.inputs?.corpusHash !== corpusHash) continue;
      const chunks = JSON.parse(await readFile(path.join(indexDir, entry, 'chunks.json'), 'utf8')) as {
        id: string;
        text: string;
      }[];
      const byId = new Map(chunks.map((c) => [c.id, c.text]));
      return { text: (id) => byId.get(id), available: true };
    } catch {
      /* not an index folder, or a damaged one: try the next */
    }
  }
  return NO_CHUNK_TEXTS;
}
