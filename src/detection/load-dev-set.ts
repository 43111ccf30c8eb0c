// The committed labelled hallucination set: its five files, loaded together.
import { join } from 'node:path';
import { type DevCase, loadHallucinationDevSet } from './hallucination-dev-set.js';

export const DEV_SET_FILES = [
  'test_cases/hallucination-dev-realistic.jsonl',
  'test_cases/hallucination-dev-realistic-tune.jsonl',
  'test_cases/hallucination-dev-realistic-tune2.jsonl',
  'test_cases/hallucination-dev-perturbed.jsonl',
  'test_cases/hallucination-dev-heldout.jsonl',
  'test_cases/hallucination-dev-blind2.jsonl',
] as const;

/** `root` is the repository root (the perturbed part reads its articles from rag/corpus). */
export async function loadCommittedDevSet(root: string): Promise<DevCase[]> {
  const parts = await Promise.all(
    DEV_SET_FILES.map((file) => loadHallucinationDevSet(join(root, file), join(root, 'rag/corpus'))),
  );
  return parts.flat();
}
