import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../../testing/scripted-model.js';
import { createClaimVerdictJudge } from './claim-verdicts.js';
import { loadJudgeTemplate } from './load-judge-template.js';

/** A judge that answers from a script (an Error is thrown) and fails on any call beyond it. */
function scriptedModel(replies: (string | Error)[]) {
  return createScriptedModel(replies.length > 0 ? replies : [new Error('no scripted reply')], {
    id: 'fake/judge',
    cacheable: false,
    whenExhausted: 'throw',
  });
}

const extractTemplate = await loadJudgeTemplate('claims-extract-v1');
const verdictTemplate = await loadJudgeTemplate('claim-verdict-v1');
const input = {
  question: 'What does Pro cost and how long do refunds take?',
  answer: 'Pro costs $4.99 per month [plans/pricing.md#0]. Refunds take 60 days. Pro includes SSO.',
  context: 'The Pro plan costs $4.99 per month. Refunds are issued within 30 days.',
};
const claims = '{"claims": ["Pro costs $4.99 per month.", "Refunds take 60 days.", "Pro includes SSO."]}';
const verdicts = JSON.stringify({
  verdicts: [
    { id: 1, verdict: 'supported', reason: 'stated' },
    { id: 2, verdict: 'contradicted', reason: 'context says 30 days' },
    { id: 3, verdict: 'not_found', reason: 'no mention' },
  ],
});

describe('createClaimVerdictJudge', () => {
  it('scores supported / total claims and lists contradicted ones', async () => {
    const model = scriptedModel([claims, verdicts]);
    const score = await createClaimVerdictJudge({ model, extractTemplate, verdictTemplate })(input);
    // 1 supported of 3 claims
    expect(score.value).toBeCloseTo(1 / 3, 10);
    expect(score.details).toMatchObject({
      supported: 1,
      contradicted: ['Refunds take 60 days.'],
      notFound: ['Pro includes SSO.'],
    });
    // markers are stripped before extraction; claims are numbered for the verdict prompt
    expect(model.calls[0].messages[0].content).not.toContain('[plans/pricing.md#0]');
    expect(model.calls[1].messages[0].content).toContain('2. Refunds take 60 days.');
    expect(model.calls.every((r) => r.temperature === 0)).toBe(true);
  });

  it('retries a verdict list that misses a claim', async () => {
    const partial = JSON.stringify({ verdicts: [{ id: 1, verdict: 'supported', reason: '' }] });
    const model = scriptedModel([claims, partial, verdicts]);
    const score = await createClaimVerdictJudge({ model, extractTemplate, verdictTemplate })(input);
    expect(score.value).toBeCloseTo(1 / 3, 10);
    expect(model.calls).toHaveLength(3);
  });

  it('is null after two invalid extraction replies', async () => {
    const model = scriptedModel(['claims: one, two', '{"claims": "one"}']);
    const score = await createClaimVerdictJudge({ model, extractTemplate, verdictTemplate })(input);
    expect(score.value).toBeNull();
    expect(score.reason).toMatch(
      /^claim extraction: invalid judge reply after retry: reply JSON has the wrong shape: claims/,
    );
  });

  it('is null without claims, for declines and without a judge', async () => {
    expect(
      (
        await createClaimVerdictJudge({
          model: scriptedModel(['{"claims": []}']),
          extractTemplate,
          verdictTemplate,
        })(input)
      ).reason,
    ).toBe('the answer makes no factual claims');
    const model = scriptedModel([]);
    expect(
      (
        await createClaimVerdictJudge({ model, extractTemplate, verdictTemplate })({
          ...input,
          answer: "I don't know.",
        })
      ).reason,
    ).toBe('the model declined');
    expect(model.calls).toHaveLength(0);
    expect((await createClaimVerdictJudge({ extractTemplate, verdictTemplate })(input)).reason).toBe(
      'no judge configured',
    );
  });
});
