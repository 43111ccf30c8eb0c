// Golden-file comparison for reporter tests: byte-for-byte against a checked-in file, or
// rewrite the file when UPDATE_GOLDEN=1 so an intended change is one command and a diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(actual: string, goldenUrl: URL): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(goldenUrl, actual);
    return;
  }
  expect(actual).toBe(readFileSync(goldenUrl, 'utf8'));
}
