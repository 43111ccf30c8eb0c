import { describe, expect, it } from 'vitest';
import type { Score } from '../../core/score.js';
import { answerScores, type AnswerScoringInput } from './answer-scores.js';

const values = (scores: Score[]) => Object.fromEntries(scores.map((s) => [s.name, s.value]));
const base: AnswerScoringInput = { output: '', references: [], unanswerable: false };

describe('answerScores', () => {
  it('scores an answer against references, ignoring citation markers', () => {
    // pred [refunds, take, 30, days] vs gold [30, days]: P = 2/4, R = 1, F1 = 2·0.5·1/1.5 = 2/3
    // LCS = 2 → ROUGE-L = same P/R → 2/3
    const v = values(
      answerScores({
        ...base,
        output: 'Refunds take 30 days [billing/refunds.md#0].',
        references: ['30 days'],
      }),
    );
    expect(v['answer.em']).toBe(0);
    expect(v['answer.f1']).toBeCloseTo(2 / 3, 10);
    expect(v['answer.rouge_l']).toBeCloseTo(2 / 3, 10);
    expect(v['answer.declined']).toBe(0);
    expect(v['answer.semantic']).toBeNull();
  });
  it('keeps the space before a token that starts with punctuation (sample case sqa-092)', () => {
    // The official SQuAD v1.1 script on the answer without its marker tokenises
    // ".DS_Store" and ".tmp" as "dsstore" and "tmp": 28 answer tokens, 13 reference tokens,
    // 8 shared (desktop app ignores system files so they dsstore) → F1 = 2·8/(28+13) = 16/41.
    // Gluing " .DS_Store" onto "Thumbs.db," lost "dsstore" and gave 2·7/(26+13) = 14/39.
    const v = values(
      answerScores({
        ...base,
        output:
          "The desktop app ignores temporary and system files, so they aren't uploaded: desktop.ini, Thumbs.db, .DS_Store, files beginning with ~$ (temporary files created by office apps) and files ending in .tmp. [sync/file-size-and-name-limits.md#4]",
        references: ['The desktop app ignores system files such as .DS_Store, so they are never synced.'],
      }),
    );
    expect(v['answer.f1']).toBeCloseTo(16 / 41, 10);
    expect(v['answer.f1']).toBeCloseTo(0.390244, 6);
    // ROUGE-L: the longest in-order run is "desktop app ignores system files so they" (7 tokens),
    // so F = 2·7/(28+13) = 14/41 (was 14/39 with two tokens lost).
    expect(v['answer.rouge_l']).toBeCloseTo(14 / 41, 10);
  });
  it('scores an unanswerable case 1 when the model declined (SQuAD 2.0 no-answer)', () => {
    const v = values(answerScores({ ...base, output: "I don't know.", unanswerable: true }));
    expect([v['answer.em'], v['answer.f1'], v['answer.rouge_l'], v['answer.declined']]).toEqual([1, 1, 1, 1]);
    expect(v['answer.semantic']).toBeNull();
  });
  it('scores an unanswerable case 0 when the model answered anyway', () => {
    const v = values(
      answerScores({ ...base, output: 'Refunds take 30 days.', unanswerable: true, references: ['30 days'] }),
    );
    expect([v['answer.em'], v['answer.f1'], v['answer.rouge_l'], v['answer.declined']]).toEqual([0, 0, 0, 0]);
  });
  it('scores 0 when the model declines an answerable question', () => {
    const scores = answerScores({
      ...base,
      output: 'That is not covered in the documents.',
      references: ['30 days'],
      vectors: { output: Float32Array.from([1, 0]), references: [Float32Array.from([1, 0])] },
    });
    const v = values(scores);
    expect([
      v['answer.em'],
      v['answer.f1'],
      v['answer.rouge_l'],
      v['answer.semantic'],
      v['answer.declined'],
    ]).toEqual([0, 0, 0, 0, 1]);
    expect(scores[0].reason).toMatch(/declined/);
  });
  it('is null when the provider failed or there is no reference', () => {
    expect(answerScores({ ...base, output: null }).every((s) => s.value === null)).toBe(true);
    const v = values(answerScores({ ...base, output: 'Paris', references: ['the'] }));
    expect(v['answer.f1']).toBeNull();
    expect(v['answer.declined']).toBe(0);
  });
});
