// Judge-based faithfulness: the judge extracts the answer's atomic claims, then gives each claim a
// verdict against the context (supported / contradicted / not_found), both as strict JSON.
// judge.faithfulness = supported / total claims; contradicted and unverifiable claims are listed.
import { z } from 'zod';
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import type { LanguageModel } from '../../providers/language-model.js';
import { isDecline } from '../answer/decline.js';
import { stripCitationMarkers } from '../citation-markers.js';
import { requestJudgeJson } from './judge-json.js';
import { assertTemplateVariables, renderJudgeTemplate, type JudgeTemplate } from './load-judge-template.js';
import { NO_JUDGE_REASON } from './rubric-judge.js';

export interface ClaimVerdictJudgeOptions {
  model?: LanguageModel | null;
  extractTemplate: JudgeTemplate;
  verdictTemplate: JudgeTemplate;
  declinePhrases?: readonly string[];
}

export interface ClaimVerdictInput {
  question: string;
  answer: string | null;
  context: string;
}

export type ClaimVerdict = 'supported' | 'contradicted' | 'not_found';

export interface JudgedClaim {
  claim: string;
  verdict: ClaimVerdict;
  reason: string;
}

export type ClaimVerdictJudge = (input: ClaimVerdictInput) => Promise<Score>;

const NAME = 'judge.faithfulness';

const claimsSchema = z.object({ claims: z.array(z.string().min(1)) });

function verdictsSchema(count: number) {
  return z
    .object({
      verdicts: z.array(
        z.object({
          id: z.number().int().min(1).max(count),
          verdict: z.enum(['supported', 'contradicted', 'not_found']),
          reason: z.string().default(''),
        }),
      ),
    })
    .refine((v) => new Set(v.verdicts.map((x) => x.id)).size === count && v.verdicts.length === count, {
      message: `expected exactly one verdict for each claim id 1..${count}`,
      path: ['verdicts'],
    });
}

export function createClaimVerdictJudge(options: ClaimVerdictJudgeOptions): ClaimVerdictJudge {
  assertTemplateVariables(options.extractTemplate, ['question', 'answer']);
  assertTemplateVariables(options.verdictTemplate, ['question', 'answer', 'context', 'claims']);
  const model = options.model;
  return async (input) => {
    if (!model) return notApplicable(NAME, NO_JUDGE_REASON);
    if (input.answer === null) return notApplicable(NAME, 'no output (provider failed)');
    if (isDecline(input.answer, options.declinePhrases)) return notApplicable(NAME, 'the model declined');
    const answer = stripCitationMarkers(input.answer);
    const details: Record<string, unknown> = {
      judge: model.id,
      templates: [options.extractTemplate.version, options.verdictTemplate.version],
    };

    const extracted = await requestJudgeJson({
      model,
      prompt: renderJudgeTemplate(options.extractTemplate, { question: input.question, answer }),
      schema: claimsSchema,
    });
    if (!extracted.ok)
      return { name: NAME, value: null, reason: `claim extraction: ${extracted.error}`, details };
    const claims = extracted.value.claims;
    if (claims.length === 0) return { ...notApplicable(NAME, 'the answer makes no factual claims'), details };

    const judged = await requestJudgeJson({
      model,
      prompt: renderJudgeTemplate(options.verdictTemplate, {
        question: input.question,
        answer,
        context: input.context,
        claims: claims.map((claim, i) => `${i + 1}. ${claim}`).join('\n'),
      }),
      schema: verdictsSchema(claims.length),
    });
    if (!judged.ok) return { name: NAME, value: null, reason: `claim verdicts: ${judged.error}`, details };

    const byId = new Map(judged.value.verdicts.map((v) => [v.id, v]));
    const results: JudgedClaim[] = claims.map((claim, i) => {
      const v = byId.get(i + 1)!;
      return { claim, verdict: v.verdict, reason: v.reason };
    });
    const supported = results.filter((r) => r.verdict === 'supported').length;
    const contradicted = results.filter((r) => r.verdict === 'contradicted');
    const notFound = results.filter((r) => r.verdict === 'not_found');
    return {
      name: NAME,
      value: supported / claims.length,
      ...(contradicted.length > 0 ? { reason: `${contradicted.length} contradicted claim(s)` } : {}),
      details: {
        ...details,
        claims: results,
        supported,
        contradicted: contradicted.map((r) => r.claim),
        notFound: notFound.map((r) => r.claim),
      },
    };
  };
}
