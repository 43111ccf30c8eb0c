// Loads the knowledge-base corpus: a folder of .md/.txt files (recursive, plus any .jsonl files
// in it) or a single .jsonl of {id, title?, text}. Documents come back sorted by id, with a
// content hash that changes exactly when some (id, text) pair changes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import type { CorpusDocument } from './types.js';

export interface LoadedCorpus {
  documents: CorpusDocument[];
  /** sha256 over the (id, text) pairs in id order. */
  hash: string;
}

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

const jsonlRecord = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  text: z.string(),
});

export function loadCorpus(path: string): LoadedCorpus {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError({ code: 'CORPUS_NOT_FOUND', file: path, message: 'corpus path does not exist' });
  }
  if (!isDirectory && extname(path) !== '.jsonl') {
    throw new InputError({
      code: 'CORPUS_INVALID',
      file: path,
      message: 'a corpus is a folder of .md/.txt files or a .jsonl file',
    });
  }
  const documents = isDirectory ? readFolder(path) : readJsonl(path);
  if (documents.length === 0) {
    throw new InputError({
      code: 'CORPUS_EMPTY',
      file: path,
      message: isDirectory
        ? 'no .md or .txt documents in the corpus folder'
        : 'no documents in the corpus file',
    });
  }
  documents.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < documents.length; i++) {
    if (documents[i].id === documents[i - 1].id) {
      throw new InputError({
        code: 'CORPUS_DUPLICATE_ID',
        file: path,
        field: 'id',
        message: `duplicate document id "${documents[i].id}"`,
      });
    }
  }
  return { documents, hash: corpusHash(documents) };
}

/** Length-prefixed so that no two different corpora feed the hash the same byte stream. */
export function corpusHash(documents: readonly CorpusDocument[]): string {
  const hash = createHash('sha256');
  for (const doc of documents) {
    hash.update(`${Buffer.byteLength(doc.id)}:${doc.id}${Buffer.byteLength(doc.text)}:`);
    hash.update(doc.text);
  }
  return hash.digest('hex');
}

function readFolder(root: string): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  const seen = new Map<string, string>();
  // Dirents avoid a stat per file; sorted so duplicate-id errors always name the same file.
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      relative(root, join(entry.parentPath ?? (entry as { path?: string }).path ?? root, entry.name)),
    )
    .sort();
  for (const file of files) {
    if (file.split(sep).some((part) => part.startsWith('.'))) continue;
    const ext = extname(file).toLowerCase();
    if (!TEXT_EXTENSIONS.has(ext) && ext !== '.jsonl') continue;
    const path = join(root, file);
    const fromFile =
      ext === '.jsonl' ? readJsonl(path) : [textDocument(file.split(sep).join('/'), ext, readText(path))];
    for (const doc of fromFile) {
      const previous = seen.get(doc.id);
      if (previous !== undefined) {
        throw new InputError({
          code: 'CORPUS_DUPLICATE_ID',
          file: path,
          field: 'id',
          message: `duplicate document id "${doc.id}" (also in ${previous})`,
        });
      }
      seen.set(doc.id, path);
      documents.push(doc);
    }
  }
  return documents;
}

function textDocument(id: string, ext: string, text: string): CorpusDocument {
  const heading = ext === '.txt' ? undefined : firstH1(text);
  return { id, title: heading ?? basename(id, extname(id)), text };
}

/** The text of the first `# ` heading, without closing #s. */
function firstH1(text: string): string | undefined {
  let start = 0;
  if (!text.startsWith('# ')) {
    const at = text.indexOf('\n# ');
    if (at < 0) return undefined;
    start = at + 1;
  }
  const end = text.indexOf('\n', start);
  const title = text
    .slice(start + 2, end < 0 ? text.length : end)
    .replace(/[ \t]+#*[ \t]*$/, '')
    .trim();
  return title || undefined;
}

function readJsonl(file: string): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  const lineOf = new Map<string, number>();
  const lines = readText(file).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const lineNumber = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError({ code: 'CORPUS_INVALID', file, line: lineNumber, message: 'not valid JSON' });
    }
    const parsed = jsonlRecord.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError({
        code: 'CORPUS_INVALID',
        file,
        line: lineNumber,
        field: issue.path.join('.') || undefined,
        message: issue.message,
      });
    }
    const { id, title } = parsed.data;
    const first = lineOf.get(id);
    if (first !== undefined) {
      throw new InputError({
        code: 'CORPUS_DUPLICATE_ID',
        file,
        line: lineNumber,
        field: 'id',
        message: `duplicate document id "${id}" (first on line ${first})`,
      });
    }
    lineOf.set(id, lineNumber);
    documents.push({ id, ...(title !== undefined ? { title } : {}), text: normalizeText(parsed.data.text) });
  }
  return documents;
}

function readText(file: string): string {
  return normalizeText(readFileSync(file, 'utf8'));
}

/** CRLF and a BOM would make the corpus hash depend on the checkout's line-ending settings. */
function normalizeText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}
