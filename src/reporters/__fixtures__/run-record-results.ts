// The per-case results of the shared sample run (run-record.ts): a rag-qa suite on two providers
// (one hallucinates, one times out), a classify suite with confusions and a retrieval suite.
import type { CaseResult } from '../../run/types.js';

export const LOCAL = 'local/extractive';
export const OPENAI = 'openai/gpt-4o-mini';
export const QA_PROMPT = 'support-answer@v2#9f2c41aa';
export const INTENT_PROMPT = 'intent@v1#51be07d3';

const RATE_LIMIT_LOG = [
  'Our nightly sync started failing last week. Here is the log from the worker:',
  '2025-06-01T02:00:01Z POST /v2/contacts/bulk -> 429 Too Many Requests (retry-after: 30)',
  '2025-06-01T02:00:31Z POST /v2/contacts/bulk -> 429 Too Many Requests (retry-after: 30)',
  '2025-06-01T02:01:01Z POST /v2/contacts/bulk -> 429 Too Many Requests (retry-after: 60)',
  '2025-06-01T02:02:01Z POST /v2/contacts/bulk -> 200 OK (batch 1/40)',
  '2025-06-01T02:02:03Z POST /v2/contacts/bulk -> 429 Too Many Requests (retry-after: 60)',
  'We send batches of 500 contacts with 8 workers in parallel. We are on the Team plan.',
  'What is the rate limit for the bulk endpoint and how should we pace the requests so the sync finishes before 6am?',
].join('\n');

function qa(
  fields: Partial<CaseResult> &
    Pick<CaseResult, 'caseId' | 'provider' | 'input' | 'output' | 'attribution' | 'scores'>,
): CaseResult {
  const isOpenai = fields.provider === OPENAI;
  return {
    suite: 'support-qa',
    task: 'rag-qa',
    baseId: fields.caseId,
    repeat: 0,
    promptVersion: QA_PROMPT,
    costUsd: isOpenai ? 0.00052 : 0,
    latencyMs: isOpenai ? 790 : 19,
    usage: isOpenai ? { inputTokens: 1520, outputTokens: 180, estimated: false } : undefined,
    cached: false,
    attempts: 1,
    tags: [],
    ...fields,
  };
}

function intent(
  fields: Pick<CaseResult, 'caseId' | 'input' | 'label' | 'predicted' | 'confidence'> & Partial<CaseResult>,
): CaseResult {
  const correct = fields.label === fields.predicted;
  return {
    suite: 'intent',
    task: 'classify',
    baseId: fields.caseId,
    provider: OPENAI,
    repeat: 0,
    promptVersion: INTENT_PROMPT,
    output: fields.predicted ?? 'not sure',
    costUsd: 0.00013,
    latencyMs: 640,
    usage: { inputTokens: 410, outputTokens: 3, estimated: false },
    cached: false,
    attempts: 1,
    attribution: correct ? 'pass' : 'wrong-label',
    scores: { 'classification.accuracy': correct ? 1 : 0 },
    tags: [],
    ...fields,
  };
}

function retrievalCase(
  caseId: string,
  query: string,
  relevant: string[],
  docs: string[],
  pass: boolean,
  scores: Record<string, number>,
): CaseResult {
  return {
    suite: 'kb-retrieval',
    task: 'retrieval',
    caseId,
    baseId: caseId,
    provider: LOCAL,
    repeat: 0,
    promptVersion: null,
    input: query,
    output: null,
    relevantDocs: Object.fromEntries(relevant.map((d) => [d, 1])),
    retrieval: { chunks: docs.map((docId, i) => ({ id: `${docId}#0`, docId, score: 0.9 - i * 0.1 })), docs },
    costUsd: 0,
    latencyMs: 4,
    cached: false,
    attempts: 1,
    attribution: pass ? 'pass' : 'retrieval-miss',
    scores,
    tags: [],
  };
}

const refundRetrieval = {
  chunks: [
    { id: 'refund-policy#0', docId: 'refund-policy', score: 0.82 },
    { id: 'billing-faq#2', docId: 'billing-faq', score: 0.55 },
  ],
  docs: ['refund-policy', 'billing-faq'],
};
const plansRetrieval = {
  chunks: [
    { id: 'plans#1', docId: 'plans', score: 0.77 },
    { id: 'sso-guide#0', docId: 'sso-guide', score: 0.61 },
  ],
  docs: ['plans', 'sso-guide'],
};
const exportRetrieval = {
  chunks: [
    { id: 'billing-faq#4', docId: 'billing-faq', score: 0.41 },
    { id: 'plans#3', docId: 'plans', score: 0.38 },
  ],
  docs: ['billing-faq', 'plans'],
};
const rateRetrieval = {
  chunks: [
    { id: 'api-errors#0', docId: 'api-errors', score: 0.71 },
    { id: 'api-errors#1', docId: 'api-errors', score: 0.66 },
    { id: 'rate-limits#0', docId: 'rate-limits', score: 0.64 },
    { id: 'rate-limits#1', docId: 'rate-limits', score: 0.52 },
  ],
  docs: ['api-errors', 'rate-limits'],
};
const rateContext = {
  included: ['api-errors#0', 'api-errors#1'],
  dropped: ['rate-limits#0', 'rate-limits#1'],
  usedTokens: 1794,
  budgetTokens: 1800,
  overflow: true,
};
const ssoRetrieval = {
  chunks: [
    { id: 'sso-guide#0', docId: 'sso-guide', score: 0.58 },
    { id: 'plans#1', docId: 'plans', score: 0.31 },
  ],
  docs: ['sso-guide', 'plans'],
};
const noAnswerRetrieval = {
  chunks: [{ id: 'privacy-policy#2', docId: 'privacy-policy', score: 0.44 }],
  docs: ['privacy-policy'],
};
const phoneRetrieval = { chunks: [{ id: 'contact#0', docId: 'contact', score: 0.52 }], docs: ['contact'] };

export const results: CaseResult[] = [
  qa({
    caseId: 'refund-window',
    provider: LOCAL,
    input: 'How long do I have to request a refund?',
    output: 'You can request a refund within 30 days of purchase [refund-policy#0].',
    references: ['30 days from purchase'],
    relevantDocs: { 'refund-policy': 1 },
    retrieval: refundRetrieval,
    attribution: 'pass',
    scores: { 'answer.f1': 0.8, 'hallucination.rate': 0, 'retrieval.recall@5': 1 },
  }),
  qa({
    caseId: 'refund-window',
    provider: OPENAI,
    input: 'How long do I have to request a refund?',
    output: 'Refunds can be requested up to 30 days after purchase.',
    references: ['30 days from purchase'],
    relevantDocs: { 'refund-policy': 1 },
    retrieval: refundRetrieval,
    attribution: 'pass',
    scores: { 'answer.f1': 0.9, 'hallucination.rate': 0, 'retrieval.recall@5': 1 },
  }),
  qa({
    caseId: 'pro-vs-team',
    provider: LOCAL,
    input: 'Compare Pro | Team plans:\nwhich one includes SSO?',
    output: 'Pro | $12 per seat | 5 projects\nTeam | $20 per seat | unlimited projects',
    references: ['The Team plan includes SSO'],
    relevantDocs: { plans: 1, 'sso-guide': 1 },
    retrieval: plansRetrieval,
    attribution: 'generation-error',
    scores: { 'answer.f1': 0.125, 'hallucination.rate': 0, 'retrieval.recall@5': 1 },
    notes: { 'answer.f1': 'copied the price table row instead of answering which plan has SSO' },
    tags: ['segment:smb'],
  }),
  qa({
    caseId: 'pro-vs-team',
    provider: OPENAI,
    input: 'Compare Pro | Team plans:\nwhich one includes SSO?',
    output: 'Only the Team plan includes SSO [sso-guide#0].',
    references: ['The Team plan includes SSO'],
    relevantDocs: { plans: 1, 'sso-guide': 1 },
    retrieval: plansRetrieval,
    attribution: 'pass',
    scores: { 'answer.f1': 0.8, 'hallucination.rate': 0, 'retrieval.recall@5': 1 },
    tags: ['segment:smb'],
  }),
  qa({
    caseId: 'data-export',
    provider: LOCAL,
    input: 'Can I export all my contacts as a CSV file?',
    output: 'Invoices can be downloaded as PDF from the billing page.',
    references: ['Yes, from Settings → Export, as CSV or JSON'],
    relevantDocs: { 'export-guide': 1 },
    retrieval: exportRetrieval,
    attribution: 'retrieval-miss',
    scores: { 'answer.f1': 0, 'hallucination.rate': 0, 'retrieval.recall@5': 0 },
    tags: ['segment:enterprise'],
  }),
  qa({
    caseId: 'data-export',
    provider: OPENAI,
    input: 'Can I export all my contacts as a CSV file?',
    output: "I couldn't find export instructions in the documentation I have.",
    references: ['Yes, from Settings → Export, as CSV or JSON'],
    relevantDocs: { 'export-guide': 1 },
    retrieval: exportRetrieval,
    attribution: 'retrieval-miss',
    scores: { 'answer.f1': 0, 'hallucination.rate': 0, 'retrieval.recall@5': 0 },
    tags: ['segment:enterprise'],
  }),
  qa({
    caseId: 'api-rate-limit',
    provider: LOCAL,
    input: RATE_LIMIT_LOG,
    output: 'A 429 response means too many requests were sent [api-errors#0].',
    references: ['600 requests per minute per workspace; spread batches and honour Retry-After'],
    relevantDocs: { 'rate-limits': 1 },
    retrieval: rateRetrieval,
    context: rateContext,
    attribution: 'context-overflow',
    scores: { 'answer.f1': 0.105, 'hallucination.rate': 0, 'retrieval.recall@5': 1 },
    tags: ['segment:enterprise'],
  }),
  qa({
    caseId: 'api-rate-limit',
    provider: OPENAI,
    input: RATE_LIMIT_LOG,
    output: null,
    references: ['600 requests per minute per workspace; spread batches and honour Retry-After'],
    relevantDocs: { 'rate-limits': 1 },
    retrieval: rateRetrieval,
    context: rateContext,
    costUsd: null,
    latencyMs: null,
    usage: undefined,
    attempts: 5,
    error: {
      code: 'PROVIDER_TIMEOUT',
      message: 'no response within 60000 ms (HTTP 504 on the last attempt)',
    },
    attribution: 'provider-error',
    scores: { 'answer.f1': null, 'hallucination.rate': null, 'retrieval.recall@5': 1 },
    tags: ['segment:enterprise'],
  }),
  qa({
    caseId: 'sso-setup',
    provider: LOCAL,
    input: 'How do I set it up?',
    output: 'SSO is available on the Team plan.',
    references: ['Go to Settings → Security → SSO and upload your IdP metadata'],
    relevantDocs: { 'sso-guide': 1 },
    retrieval: ssoRetrieval,
    attribution: 'generation-error',
    scores: { 'answer.f1': 0.143, 'hallucination.rate': 0, 'retrieval.recall@5': 1 },
    tags: ['ambiguous', 'segment:smb'],
  }),
  qa({
    caseId: 'sso-setup',
    provider: OPENAI,
    input: 'How do I set it up?',
    output:
      'If you mean SSO: open Settings → Security → SSO and upload your identity provider metadata [sso-guide#0].',
    references: ['Go to Settings → Security → SSO and upload your IdP metadata'],
    relevantDocs: { 'sso-guide': 1 },
    retrieval: ssoRetrieval,
    attribution: 'pass',
    scores: { 'answer.f1': 0.75, 'hallucination.rate': 0, 'retrieval.recall@5': 1 },
    tags: ['ambiguous', 'segment:smb'],
  }),
  qa({
    caseId: 'dpo-contact',
    provider: LOCAL,
    input: "Who is Acme's data protection officer?",
    output: "I don't know — the knowledge base doesn't say.",
    unanswerable: true,
    retrieval: noAnswerRetrieval,
    attribution: 'pass',
    scores: { 'answer.declined': 1, 'answer.f1': null, 'hallucination.rate': 0, 'retrieval.recall@5': null },
  }),
  qa({
    caseId: 'dpo-contact',
    provider: OPENAI,
    input: "Who is Acme's data protection officer?",
    output: "Acme's data protection officer is Maria Keller, reachable at dpo@acme.example.",
    unanswerable: true,
    retrieval: noAnswerRetrieval,
    confidence: 0.91,
    attribution: 'generation-error',
    scores: { 'answer.declined': 0, 'answer.f1': null, 'hallucination.rate': 1, 'retrieval.recall@5': null },
    notes: {
      'hallucination.rate':
        'unsupported: "Maria Keller" and "dpo@acme.example" do not appear in the retrieved context',
    },
  }),
  qa({
    caseId: 'phone-support',
    provider: LOCAL,
    input: 'What is the phone number for support in Japan?',
    output: "I don't know — the knowledge base doesn't say.",
    unanswerable: true,
    retrieval: phoneRetrieval,
    attribution: 'pass',
    scores: { 'answer.declined': 1, 'answer.f1': null, 'hallucination.rate': 0, 'retrieval.recall@5': null },
  }),
  qa({
    caseId: 'phone-support',
    provider: OPENAI,
    input: 'What is the phone number for support in Japan?',
    output: 'You can call Acme Japan support on +81 3 4578 1200, weekdays 9:00–18:00.',
    unanswerable: true,
    retrieval: phoneRetrieval,
    confidence: null,
    attribution: 'generation-error',
    scores: { 'answer.declined': 0, 'answer.f1': null, 'hallucination.rate': 1, 'retrieval.recall@5': null },
    notes: {
      'hallucination.rate': 'unsupported: "+81 3 4578 1200" does not appear in the retrieved context',
    },
  }),

  intent({
    caseId: 'int-001',
    input: 'Why was I charged twice this month?',
    label: 'billing',
    predicted: 'billing',
    confidence: 0.94,
    tags: ['channel:email'],
  }),
  intent({
    caseId: 'int-002',
    input: 'The desktop app crashes when I open a shared board.',
    label: 'technical',
    predicted: 'technical',
    confidence: 0.88,
    tags: ['channel:chat'],
  }),
  intent({
    caseId: 'int-003',
    input: "I've been charged three times and your bot keeps hanging up on me. I want a manager NOW.",
    label: 'escalate',
    predicted: 'general',
    confidence: 0.74,
    tags: ['channel:chat'],
  }),
  intent({
    caseId: 'int-004',
    input: 'Do you have a <b>dark mode</b>? Asking for my team.',
    label: 'general',
    predicted: 'escalate',
    confidence: 0.55,
    tags: ['channel:email'],
  }),
  intent({
    caseId: 'int-005',
    input: 'My card was declined | error code 402 — can you retry?',
    label: 'billing',
    predicted: 'technical',
    confidence: 0.62,
    tags: ['channel:chat'],
  }),
  intent({
    caseId: 'int-006',
    input: 'The invoice PDF shows the wrong VAT number.',
    label: 'billing',
    predicted: 'technical',
    confidence: 0.66,
    tags: ['ambiguous', 'channel:email'],
  }),
  intent({
    caseId: 'int-007',
    input: 'This is the third outage this week; we are cancelling unless someone calls us today.',
    label: 'escalate',
    predicted: 'escalate',
    confidence: 0.97,
    tags: ['channel:chat'],
  }),
  intent({
    caseId: 'int-008',
    input: 'API returns 500 on every webhook delivery since this morning.',
    label: 'technical',
    predicted: 'technical',
    confidence: 0.91,
    tags: ['channel:email'],
  }),
  intent({
    caseId: 'int-009',
    input: 'Where can I find your roadmap?',
    label: 'general',
    predicted: 'general',
    confidence: 0.83,
    tags: ['channel:chat'],
  }),

  retrievalCase(
    'ret-001',
    'reset two-factor authentication',
    ['security-2fa'],
    ['security-2fa', 'sso-guide', 'plans'],
    true,
    { 'retrieval.recall@5': 1, 'retrieval.ndcg@10': 1, 'retrieval.mrr': 1 },
  ),
  retrievalCase(
    'ret-002',
    'gdpr data processing agreement',
    ['dpa', 'privacy-policy'],
    ['privacy-policy', 'security-2fa', 'contact'],
    true,
    { 'retrieval.recall@5': 0.5, 'retrieval.ndcg@10': 0.613, 'retrieval.mrr': 1 },
  ),
  retrievalCase(
    'ret-003',
    'move workspace to another region',
    ['data-residency'],
    ['plans', 'api-errors', 'contact'],
    false,
    { 'retrieval.recall@5': 0, 'retrieval.ndcg@10': 0, 'retrieval.mrr': 0 },
  ),
];
