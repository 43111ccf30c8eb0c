// The committed labelled hallucination set: its files, loaded together, and which realistic file
// a case comes from (the unit the leave-one-set-out measurement holds out).
import { join } from 'node:path';
import { OFFLINE_CHECK_QUALITY } from '../scorers/hallucination/measured-quality.js';
import { type DevCase, loadHallucinationDevSet } from './hallucination-dev-set.js';

/**
 * The blind sets of the thirteenth revision, never fitted on: kept unread until revision 13 was
 * committed ("final before blind sets 36-37"), then 36 and 37 chose it over revision 12 (scored
 * once, both checks) and 38 to 43 measured it once. They are the sets reports quote. Blind sets 3
 * to 35 each measured an earlier revision once and are development data since.
 */
export const BLIND_FILES: readonly string[] = OFFLINE_CHECK_QUALITY.sets;

export const DEV_SET_FILES: readonly string[] = [
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
  'test_cases/hallucination-dev-blind6.jsonl',
  'test_cases/hallucination-dev-blind7.jsonl',
  'test_cases/hallucination-dev-blind8.jsonl',
  'test_cases/hallucination-dev-blind9.jsonl',
  'test_cases/hallucination-dev-blind10.jsonl',
  'test_cases/hallucination-dev-blind11.jsonl',
  'test_cases/hallucination-dev-blind12.jsonl',
  'test_cases/hallucination-dev-blind13.jsonl',
  'test_cases/hallucination-dev-blind14.jsonl',
  'test_cases/hallucination-dev-blind15.jsonl',
  'test_cases/hallucination-dev-blind16.jsonl',
  'test_cases/hallucination-dev-blind17.jsonl',
  'test_cases/hallucination-dev-blind18.jsonl',
  'test_cases/hallucination-dev-blind19.jsonl',
  'test_cases/hallucination-dev-blind20.jsonl',
  'test_cases/hallucination-dev-blind21.jsonl',
  'test_cases/hallucination-dev-blind22.jsonl',
  'test_cases/hallucination-dev-blind23.jsonl',
  'test_cases/hallucination-dev-blind24.jsonl',
  'test_cases/hallucination-dev-blind25.jsonl',
  'test_cases/hallucination-dev-blind26.jsonl',
  'test_cases/hallucination-dev-blind27.jsonl',
  'test_cases/hallucination-dev-blind28.jsonl',
  'test_cases/hallucination-dev-blind29.jsonl',
  'test_cases/hallucination-dev-blind30.jsonl',
  'test_cases/hallucination-dev-blind31.jsonl',
  'test_cases/hallucination-dev-blind32.jsonl',
  'test_cases/hallucination-dev-blind33.jsonl',
  'test_cases/hallucination-dev-blind34.jsonl',
  'test_cases/hallucination-dev-blind35.jsonl',
  ...BLIND_FILES,
];

const BLIND_PREFIXES = BLIND_FILES.map((file) => `${/blind\d+/.exec(file)?.[0]}-`);

/** Whether a case is in a blind set (never fitted on). */
export function isBlindCase(c: Pick<DevCase, 'id'>): boolean {
  return BLIND_PREFIXES.some((prefix) => c.id.startsWith(prefix));
}

/** Every file the check is fitted on (of the perturbed file, its tuning split only). */
export const FIT_FILES = DEV_SET_FILES.filter((file) => !BLIND_FILES.includes(file));

/** The realistic file of a case, by its id's prefix; undefined for the perturbed part. */
export function fitSetOf(c: Pick<DevCase, 'id' | 'part'>): string | undefined {
  if (c.part !== 'realistic') return undefined;
  if (isBlindCase(c)) throw new Error(`${c.id}: a blind set is never fitted on`);
  const blind = /^(blind(?:[3-9]|[12][0-9]|3[0-5]))-/.exec(c.id);
  if (blind) return blind[1];
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
