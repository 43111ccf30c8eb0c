// What the OpenAI and Anthropic adapter tests share: one lean fetch for the file (closed after
// it), the fetch implementations every test runs over, and a helper that expects a rejection
// to be a ProviderError.
import { afterAll, expect } from 'vitest';
import { ProviderError } from '../../core/errors.js';
import { createLeanFetch } from '../lean-fetch.js';

/** Runs each adapter test over Node's fetch and over evalgate's lean fetch. */
export function fetchVariants(): [string, typeof fetch | undefined][] {
  const leanFetch = createLeanFetch();
  afterAll(() => leanFetch.destroy());
  return [
    ['global fetch', undefined],
    ['lean fetch', leanFetch],
  ];
}

export async function caught(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
