// The example's knowledge base as LangChain documents: each markdown help article split with
// RecursiveCharacterTextSplitter, one Document per chunk. Shared by the HNSWLib chain
// (chain.mjs) and the PGVectorStore (pgvector-store.mjs), so both stores hold the same chunks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { Document } from 'langchain';

const docsDir = path.join(import.meta.dirname, '../docs');

export async function loadChunks() {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 90, chunkOverlap: 0 });
  const chunks = [];
  for (const file of readdirSync(docsDir).sort()) {
    const text = readFileSync(path.join(docsDir, file), 'utf8').replace(/^#.*\n+/, '');
    const pieces = await splitter.splitDocuments([
      new Document({ pageContent: text, metadata: { source: file } }),
    ]);
    // `id` is `<doc>#<n>`: evalgate collapses it to the document for retrieval metrics.
    pieces.forEach((piece, i) =>
      chunks.push(
        new Document({
          pageContent: piece.pageContent,
          metadata: { ...piece.metadata, id: `${file}#${i}`, chunk: i },
        }),
      ),
    );
  }
  return chunks;
}
