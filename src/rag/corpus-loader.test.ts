import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { corpusHash, loadCorpus } from './corpus-loader.js';

const fixtures = new URL('./__fixtures__/', import.meta.url).pathname;
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-corpus-'));
  temps.push(dir);
  return dir;
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('loadCorpus', () => {
  it('loads a folder of markdown and text files recursively, sorted by relative id', () => {
    const { documents, hash } = loadCorpus(join(fixtures, 'corpus'));
    expect(documents.map((d) => [d.id, d.title])).toEqual([
      ['account/password-reset.md', 'Resetting your password'],
      ['billing/invoices.md', 'Invoices'],
      ['billing/refunds.md', 'Refunds'],
      ['general.txt', 'general'],
      ['technical/sso.md', 'Single sign-on'],
    ]);
    expect(documents[2].text.startsWith('# Refunds\n\nAcme refunds annual plans')).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loadCorpus(join(fixtures, 'corpus')).hash).toBe(hash);
  });

  it('loads a jsonl corpus sorted by id, skipping blank lines', () => {
    const { documents } = loadCorpus(join(fixtures, 'corpus.jsonl'));
    expect(documents).toEqual([
      { id: 'faq-0', title: 'Hours', text: 'Support is open Monday to Friday.' },
      { id: 'faq-1', title: 'Refund window', text: 'Annual plans can be refunded within 30 days.' },
      { id: 'faq-2', text: 'Password reset links expire after 60 minutes.' },
    ]);
  });

  it('names file, line and field for invalid jsonl', () => {
    const badField = inputError(() => loadCorpus(join(fixtures, 'bad-field.jsonl')));
    expect([badField.code, badField.line, badField.field]).toEqual(['CORPUS_INVALID', 2, 'text']);
    expect(badField.file).toContain('bad-field.jsonl');
    const badJson = inputError(() => loadCorpus(join(fixtures, 'bad-json.jsonl')));
    expect([badJson.code, badJson.line]).toEqual(['CORPUS_INVALID', 2]);
    const duplicate = inputError(() => loadCorpus(join(fixtures, 'duplicate-id.jsonl')));
    expect([duplicate.code, duplicate.line, duplicate.field]).toEqual(['CORPUS_DUPLICATE_ID', 2, 'id']);
    expect(inputError(() => loadCorpus(join(fixtures, 'missing'))).code).toBe('CORPUS_NOT_FOUND');
  });

  it('normalises line endings and BOMs, skips dot folders, and hashes content only', () => {
    const a = tempDir();
    writeFileSync(join(a, 'x.md'), '\ufeff# X\r\n\r\nBody.\r\n');
    mkdirSync(join(a, '.evalgate'));
    writeFileSync(join(a, '.evalgate', 'ignored.md'), 'ignored');
    const b = tempDir();
    writeFileSync(join(b, 'x.md'), '# X\n\nBody.\n');
    const loadedA = loadCorpus(a);
    expect(loadedA.documents).toEqual([{ id: 'x.md', title: 'X', text: '# X\n\nBody.\n' }]);
    expect(loadedA.hash).toBe(loadCorpus(b).hash);
    writeFileSync(join(b, 'x.md'), '# X\n\nBody!\n');
    expect(loadCorpus(b).hash).not.toBe(loadedA.hash);
  });

  it('rejects the same id from two jsonl files in a folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jsonl'), '{"id":"same","text":"one"}\n');
    writeFileSync(join(dir, 'b.jsonl'), '{"id":"same","text":"two"}\n');
    expect(inputError(() => loadCorpus(dir)).code).toBe('CORPUS_DUPLICATE_ID');
  });

  it('hashes (id, text) pairs unambiguously', () => {
    expect(corpusHash([{ id: 'ab', text: 'c' }])).not.toBe(corpusHash([{ id: 'a', text: 'bc' }]));
    expect(corpusHash([{ id: 'a', text: 'x', title: 'T1' }])).toBe(
      corpusHash([{ id: 'a', text: 'x', title: 'T2' }]),
    );
  });
});

describe('loadCorpus on an empty corpus', () => {
  it('is an input error, not a silent run that scores nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-empty-corpus-'));
    writeFileSync(join(dir, 'notes.pdf'), 'not a document type we read');
    expect(() => loadCorpus(dir)).toThrow(InputError);
    expect(() => loadCorpus(dir)).toThrow('no .md or .txt documents in the corpus folder');
    rmSync(dir, { recursive: true });
  });
});
