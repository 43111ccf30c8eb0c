import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../../testing/scripted-model.js';
import { loadJudgeTemplate } from './load-judge-template.js';
import { createRubricJudge } from './rubric-judge.js';

/** A judge that answers from a script (an Error is thrown) and fails on any call beyond it. */
function scriptedModel(replies: (string | Error)[]) {
  return createScriptedModel(replies.length > 0 ? replies : [new Error('no scripted reply')], {
    id: 'fake/judge',
    cacheable: false,
    whenExhausted: 'throw',
  });
}

const template = await loadJudgeTemplate('rubric-v1');
const input = {
  question: 'How long do refunds take?',
  answer: 'Refunds take 30 days.',
  context: 'Refunds are issued within 30 days.',
};

describe('createRubricJudge', () => {
  it('maps the integer score onto 0–1 and asks at temperature 0', async () => {
    const model = scriptedModel(['{"score": 4, "reason": "Correct but terse."}']);
    const score = await createRubricJudge({ model, template, rubric: 'Is the answer correct and complete?' })(
      input,
    );
    // (4 − 1) / (5 − 1) = 0.75
    expect(score).toMatchObject({
      name: 'judge.rubric',
      value: 0.75,
      reason: 'Correct but terse.',
      details: { rawScore: 4, attempts: 1 },
    });
    expect(model.calls[0].temperature).toBe(0);
    expect(model.calls[0].messages[0].content).toContain('Is the answer correct and complete?');
    expect(model.calls[0].messages[0].content).toContain('from 1 to 5');
  });

  it('retries once on invalid JSON, showing the model its reply', async () => {
    const model = scriptedModel([
      'Score: 5/5, great answer',
      '```json\n{"score": 5, "reason": "Complete."}\n```',
    ]);
    const score = await createRubricJudge({ model, template, rubric: 'r' })(input);
    expect(score).toMatchObject({ value: 1, details: { attempts: 2 } });
    expect(model.calls[1].messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(model.calls[1].messages[2].content).toContain('not valid JSON');
  });

  it('gives null with the reason after a second invalid reply (out-of-range counts as invalid)', async () => {
    const model = scriptedModel(['{"score": 7, "reason": "x"}', 'not json']);
    const score = await createRubricJudge({ model, template, rubric: 'r' })(input);
    expect(score.value).toBeNull();
    expect(score.reason).toBe('invalid judge reply after retry: reply is not valid JSON');
    expect(model.calls).toHaveLength(2);
  });

  it('supports another scale', async () => {
    const model = scriptedModel(['{"score": 3, "reason": "ok"}']);
    // (3 − 0) / (10 − 0) = 0.3
    expect(
      (await createRubricJudge({ model, template, rubric: 'r', scale: [0, 10] })(input)).value,
    ).toBeCloseTo(0.3, 10);
  });

  it('is null when no judge is configured, when the call fails, or without an answer', async () => {
    expect(await createRubricJudge({ model: null, template, rubric: 'r' })(input)).toEqual({
      name: 'judge.rubric',
      value: null,
      reason: 'no judge configured',
    });
    const failing = scriptedModel([new Error('HTTP 500')]);
    expect((await createRubricJudge({ model: failing, template, rubric: 'r' })(input)).reason).toBe(
      'judge call failed: HTTP 500',
    );
    expect(
      (
        await createRubricJudge({ model: scriptedModel([]), template, rubric: 'r' })({
          ...input,
          answer: null,
        })
      ).value,
    ).toBeNull();
  });
});
