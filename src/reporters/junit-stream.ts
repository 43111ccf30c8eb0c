// junit.xml written as a stream: one pass over the results puts each suite × provider's
// <testcase> lines in a temp file of its own and counts them, then the document is assembled
// with the counts in the opening tags. Byte for byte what renderJunit returns for results in
// results.jsonl's order, without holding the results or the XML.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResultStream } from '../run/result-stream.js';
import type { RunRecord } from '../run/types.js';
import { attr, compare, isError, isFailure, renderCase, seconds, suiteOpening } from './junit.js';

interface GroupFile {
  suite: string;
  provider: string;
  file: string;
  out: WriteStream;
  /** <testcase> lines not yet written: flushed in ~64 KB pieces (see PIECE_CHARS). */
  pending: string;
  tests: number;
  failures: number;
  errors: number;
  time: number;
}

/**
 * A group's lines go to its file in pieces of about this many characters, not one write per
 * case: each small write became a Buffer of its own (~27 MB of them awaiting collection at
 * 100,000 cases, outside V8's heap).
 */
const PIECE_CHARS = 1 << 16;
const COPY_BYTES = 1 << 16;

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Writes `file` atomically. Rows of a group must arrive sorted by case id and repeat. */
export async function writeJunitStream(options: {
  file: string;
  record: RunRecord;
  results: ResultStream;
}): Promise<void> {
  const { record } = options;
  const scratch = await mkdtemp(path.join(tmpdir(), 'evalgate-junit-'));
  const groups = new Map<string, GroupFile>();
  let tests = 0;
  let failures = 0;
  let errors = 0;
  try {
    for await (const r of options.results()) {
      const key = `${r.suite}\u0000${r.provider}`;
      let group = groups.get(key);
      if (!group) {
        const file = path.join(scratch, `${groups.size}.xml`);
        group = {
          suite: r.suite,
          provider: r.provider,
          file,
          out: createWriteStream(file),
          pending: '',
          tests: 0,
          failures: 0,
          errors: 0,
          time: 0,
        };
        groups.set(key, group);
      }
      group.tests++;
      group.time += r.latencyMs ?? 0;
      if (isFailure(r)) group.failures++;
      if (isError(r)) group.errors++;
      group.pending += `${renderCase(`${r.suite}.${r.provider}`, r).join('\n')}\n`;
      if (group.pending.length >= PIECE_CHARS) {
        const piece = group.pending;
        group.pending = '';
        await write(group.out, piece);
      }
    }
    for (const group of groups.values()) {
      if (group.pending) await write(group.out, group.pending);
      group.pending = '';
      group.out.end();
      await once(group.out, 'close');
      tests += group.tests;
      failures += group.failures;
      errors += group.errors;
    }
    // Summary order first, so the XML reads like the report; pairs only in results follow, sorted.
    const ordered: GroupFile[] = [];
    for (const s of record.summary) {
      const group = groups.get(`${s.suite}\u0000${s.provider}`);
      if (group && !ordered.includes(group)) ordered.push(group);
    }
    ordered.push(
      ...[...groups.values()]
        .filter((g) => !ordered.includes(g))
        .sort((a, b) => compare(a.suite, b.suite) || compare(a.provider, b.provider)),
    );

    await mkdir(path.dirname(options.file), { recursive: true });
    const temp = `${options.file}.${process.pid}.tmp`;
    // Assembled through one file handle and one reused buffer: a read stream's fresh 64 KB
    // buffer per chunk piled up uncollected (little else allocates while copying), ~20 MB at
    // 100,000 cases.
    const out = await open(temp, 'w');
    try {
      await out.write(
        `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${attr(`evalgate ${record.manifest.name}`)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds(record.manifest.durationMs)}">\n`,
      );
      const buffer = Buffer.allocUnsafe(COPY_BYTES);
      for (const group of ordered) {
        await out.write(`${suiteOpening(record, group.suite, group.provider, group).join('\n')}\n`);
        const from = await open(group.file, 'r');
        try {
          for (;;) {
            const { bytesRead } = await from.read(buffer, 0, buffer.length, null);
            if (bytesRead === 0) break;
            await out.write(buffer, 0, bytesRead);
          }
        } finally {
          await from.close();
        }
        await out.write('  </testsuite>\n');
      }
      await out.write('</testsuites>\n');
    } finally {
      await out.close();
    }
    await rename(temp, options.file);
  } finally {
    for (const group of groups.values()) group.out.destroy();
    await rm(scratch, { recursive: true, force: true });
  }
}
