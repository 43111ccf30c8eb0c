// The committed labelled hallucination set: its files, loaded together, and which realistic file
// a case comes from (the unit the leave-one-set-out measurement holds out).
import { join } from 'node:path';
import { type DevCase, loadHallucinationDevSet } from './hallucination-dev-set.js';

export const DEV_SET_FILES = [
  'test_cases/hallucination-dev-realistic.jsonl',
  'test_cases/hallucination-dev-realistic-tune.jsonl',
  'test_cases/hallucination-dev-realistic-tune2.jsonl',
  'test_cases/hallucination-dev-realistic-tune3.jsonl',
  'test_cases/hallucination-dev-perturbed.jsonl',
  'test_cases/hallucination-dev-heldout.jsonl',
  'test_cases/hallucination-dev-blind2.jsonl',
  'test_cases/hallucination-dev-blind3.jsonl',
  'test_cases/hallucination-dev-blind4.jsonl',
  'test_cases/hallucination-dev-blind5.jsonl',
] as const;

/**
 * Blind set 5 measures the seventh revision and is never fitted on. (Blind sets 3 and 4, which
 * measured the fifth and sixth, became development data once measured, as blind sets 1 and 2 did
 * at the fifth revision: the seventh is fitted on them.) Blind set 5 was kept out of DEV_SET_FILES
 * until the seventh revision was committed, so no test or script could read it before.
 */
export const BLIND_FILES = ['test_cases/hallucination-dev-blind5.jsonl'] as const;

/**
 * Blind set 6 (test_cases/hallucination-dev-blind6.jsonl, written blind during the seventh
 * revision) is reserved for the eighth revision's one measurement: it is in no list any code
 * reads, and its ids are refused by the fit like blind set 5's should it ever be loaded early.
 */
const BLIND_ID_PREFIXES = ['blind5-', 'blind6-'] as const;

/** Whether a case is in a blind set (never fitted on). */
export function isBlindCase(c: Pick<DevCase, 'id'>): boolean {
  return BLIND_ID_PREFIXES.some((prefix) => c.id.startsWith(prefix));
}

/** Every file the seventh revision's data comes from (it is fitted on their realistic answers). */
export const FIT_FILES = DEV_SET_FILES.filter((file) => !(BLIND_FILES as readonly string[]).includes(file));

/** A case the seventh revision is fitted on: a hand-written realistic answer outside the blind set. */
export function isFitCase(c: Pick<DevCase, 'id' | 'part'>): boolean {
  return c.part === 'realistic' && !isBlindCase(c);
}

/** The realistic file of a case, by its id's prefix; undefined for the perturbed part. */
export function fitSetOf(c: Pick<DevCase, 'id' | 'part'>): string | undefined {
  if (c.part !== 'realistic') return undefined;
  if (isBlindCase(c)) throw new Error(`${c.id}: a blind set is never fitted on`);
  if (c.id.startsWith('blind4-')) return 'blind4';
  if (c.id.startsWith('blind3-')) return 'blind3';
  if (c.id.startsWith('tune3-')) return 'realistic-tune3';
  if (c.id.startsWith('tune2-')) return 'realistic-tune2';
  if (c.id.startsWith('held-')) return 'heldout';
  if (c.id.startsWith('blind2-')) return 'blind2';
  if (c.id.startsWith('tune-')) return 'realistic-tune';
  if (c.id.startsWith('real-')) return 'realistic';
  // A new file (a future blind set) is never fitted on by accident: it must be named here first.
  throw new Error(`${c.id}: no fitting set is known for this id prefix`);
}

/** `root` is the repository root (the perturbed part reads its articles from rag/corpus). */
export async function loadCommittedDevSet(root: string): Promise<DevCase[]> {
  const parts = await Promise.all(
    DEV_SET_FILES.map((file) => loadHallucinationDevSet(join(root, file), join(root, 'rag/corpus'))),
  );
  return parts.flat();
}
