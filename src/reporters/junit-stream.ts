// junit.xml written as a stream: one pass over the results puts each suite × provider's
// <testcase> lines in a temp file of its own and counts them, then the document is assembled
// with the counts in the opening tags. Byte for byte what renderJunit returns for results in
// results.jsonl's order, without holding the results or the XML.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
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
  tests: number;
  failures: number;
  errors: number;
  time: number;
}

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
      await write(group.out, `${renderCase(`${r.suite}.${r.provider}`, r).join('\n')}\n`);
    }
    for (const group of groups.values()) {
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
    const out = createWriteStream(temp);
    await write(
      out,
      `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${attr(`evalgate ${record.manifest.name}`)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds(record.manifest.durationMs)}">\n`,
    );
    for (const group of ordered) {
      await write(out, `${suiteOpening(record, group.suite, group.provider, group).join('\n')}\n`);
      for await (const chunk of createReadStream(group.file)) await write(out, chunk as string);
      await write(out, '  </testsuite>\n');
    }
    await write(out, '</testsuites>\n');
    out.end();
    await once(out, 'close');
    await rename(temp, options.file);
  } finally {
    for (const group of groups.values()) group.out.destroy();
    await rm(scratch, { recursive: true, force: true });
  }
}
