// One realistic run of the sample project, shared by the reporter and analysis tests: a rag-qa
// suite on two providers (one hallucinates, one times out), a classify suite with confusions,
// calibration and a review threshold, a retrieval suite, a baseline comparison, bias rows
// with a failing one, and a gate that fails on a regression and a missed target.
import type { CaseResult, RunRecord } from '../../run/types.js';

const LOCAL = 'local/extractive';
const OPENAI = 'openai/gpt-4o-mini';
const QA_PROMPT = 'support-answer@v2#9f2c41aa';
const INTENT_PROMPT = 'intent@v1#51be07d3';

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

function qa(fields: Partial<CaseResult> & Pick<CaseResult, 'caseId' | 'provider' | 'input' | 'output' | 'attribution' | 'scores'>): CaseResult {
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

function intent(fields: Pick<CaseResult, 'caseId' | 'input' | 'label' | 'predicted' | 'confidence'> & Partial<CaseResult>): CaseResult {
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

function retrievalCase(caseId: string, query: string, relevant: string[], docs: string[], pass: boolean, scores: Record<string, number>): CaseResult {
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

const refundRetrieval = { chunks: [{ id: 'refund-policy#0', docId: 'refund-policy', score: 0.82 }, { id: 'billing-faq#2', docId: 'billing-faq', score: 0.55 }], docs: ['refund-policy', 'billing-faq'] };
const plansRetrieval = { chunks: [{ id: 'plans#1', docId: 'plans', score: 0.77 }, { id: 'sso-guide#0', docId: 'sso-guide', score: 0.61 }], docs: ['plans', 'sso-guide'] };
const exportRetrieval = { chunks: [{ id: 'billing-faq#4', docId: 'billing-faq', score: 0.41 }, { id: 'plans#3', docId: 'plans', score: 0.38 }], docs: ['billing-faq', 'plans'] };
const rateRetrieval = {
  chunks: [
    { id: 'api-errors#0', docId: 'api-errors', score: 0.71 },
    { id: 'api-errors#1', docId: 'api-errors', score: 0.66 },
    { id: 'rate-limits#0', docId: 'rate-limits', score: 0.64 },
    { id: 'rate-limits#1', docId: 'rate-limits', score: 0.52 },
  ],
  docs: ['api-errors', 'rate-limits'],
};
const rateContext = { included: ['api-errors#0', 'api-errors#1'], dropped: ['rate-limits#0', 'rate-limits#1'], usedTokens: 1794, budgetTokens: 1800, overflow: true };
const ssoRetrieval = { chunks: [{ id: 'sso-guide#0', docId: 'sso-guide', score: 0.58 }, { id: 'plans#1', docId: 'plans', score: 0.31 }], docs: ['sso-guide', 'plans'] };
const noAnswerRetrieval = { chunks: [{ id: 'privacy-policy#2', docId: 'privacy-policy', score: 0.44 }], docs: ['privacy-policy'] };
const phoneRetrieval = { chunks: [{ id: 'contact#0', docId: 'contact', score: 0.52 }], docs: ['contact'] };

export const results: CaseResult[] = [
  qa({ caseId: 'refund-window', provider: LOCAL, input: 'How long do I have to request a refund?', output: 'You can request a refund within 30 days of purchase [refund-policy#0].', references: ['30 days from purchase'], relevantDocs: { 'refund-policy': 1 }, retrieval: refundRetrieval, attribution: 'pass', scores: { 'answer.f1': 0.8, 'hallucination.rate': 0, 'retrieval.recall@5': 1 } }),
  qa({ caseId: 'refund-window', provider: OPENAI, input: 'How long do I have to request a refund?', output: 'Refunds can be requested up to 30 days after purchase.', references: ['30 days from purchase'], relevantDocs: { 'refund-policy': 1 }, retrieval: refundRetrieval, attribution: 'pass', scores: { 'answer.f1': 0.9, 'hallucination.rate': 0, 'retrieval.recall@5': 1 } }),
  qa({
    caseId: 'pro-vs-team', provider: LOCAL, input: 'Compare Pro | Team plans:\nwhich one includes SSO?', output: 'Pro | $12 per seat | 5 projects\nTeam | $20 per seat | unlimited projects',
    references: ['The Team plan includes SSO'], relevantDocs: { plans: 1, 'sso-guide': 1 }, retrieval: plansRetrieval, attribution: 'generation-error',
    scores: { 'answer.f1': 0.125, 'hallucination.rate': 0, 'retrieval.recall@5': 1 }, notes: { 'answer.f1': 'copied the price table row instead of answering which plan has SSO' }, tags: ['segment:smb'],
  }),
  qa({ caseId: 'pro-vs-team', provider: OPENAI, input: 'Compare Pro | Team plans:\nwhich one includes SSO?', output: 'Only the Team plan includes SSO [sso-guide#0].', references: ['The Team plan includes SSO'], relevantDocs: { plans: 1, 'sso-guide': 1 }, retrieval: plansRetrieval, attribution: 'pass', scores: { 'answer.f1': 0.8, 'hallucination.rate': 0, 'retrieval.recall@5': 1 }, tags: ['segment:smb'] }),
  qa({ caseId: 'data-export', provider: LOCAL, input: 'Can I export all my contacts as a CSV file?', output: 'Invoices can be downloaded as PDF from the billing page.', references: ['Yes, from Settings → Export, as CSV or JSON'], relevantDocs: { 'export-guide': 1 }, retrieval: exportRetrieval, attribution: 'retrieval-miss', scores: { 'answer.f1': 0, 'hallucination.rate': 0, 'retrieval.recall@5': 0 }, tags: ['segment:enterprise'] }),
  qa({ caseId: 'data-export', provider: OPENAI, input: 'Can I export all my contacts as a CSV file?', output: "I couldn't find export instructions in the documentation I have.", references: ['Yes, from Settings → Export, as CSV or JSON'], relevantDocs: { 'export-guide': 1 }, retrieval: exportRetrieval, attribution: 'retrieval-miss', scores: { 'answer.f1': 0, 'hallucination.rate': 0, 'retrieval.recall@5': 0 }, tags: ['segment:enterprise'] }),
  qa({ caseId: 'api-rate-limit', provider: LOCAL, input: RATE_LIMIT_LOG, output: 'A 429 response means too many requests were sent [api-errors#0].', references: ['600 requests per minute per workspace; spread batches and honour Retry-After'], relevantDocs: { 'rate-limits': 1 }, retrieval: rateRetrieval, context: rateContext, attribution: 'context-overflow', scores: { 'answer.f1': 0.105, 'hallucination.rate': 0, 'retrieval.recall@5': 1 }, tags: ['segment:enterprise'] }),
  qa({ caseId: 'api-rate-limit', provider: OPENAI, input: RATE_LIMIT_LOG, output: null, references: ['600 requests per minute per workspace; spread batches and honour Retry-After'], relevantDocs: { 'rate-limits': 1 }, retrieval: rateRetrieval, context: rateContext, costUsd: null, latencyMs: null, usage: undefined, attempts: 5, error: { code: 'PROVIDER_TIMEOUT', message: 'no response within 60000 ms (HTTP 504 on the last attempt)' }, attribution: 'provider-error', scores: { 'answer.f1': null, 'hallucination.rate': null, 'retrieval.recall@5': 1 }, tags: ['segment:enterprise'] }),
  qa({ caseId: 'sso-setup', provider: LOCAL, input: 'How do I set it up?', output: 'SSO is available on the Team plan.', references: ['Go to Settings → Security → SSO and upload your IdP metadata'], relevantDocs: { 'sso-guide': 1 }, retrieval: ssoRetrieval, attribution: 'generation-error', scores: { 'answer.f1': 0.143, 'hallucination.rate': 0, 'retrieval.recall@5': 1 }, tags: ['ambiguous', 'segment:smb'] }),
  qa({ caseId: 'sso-setup', provider: OPENAI, input: 'How do I set it up?', output: 'If you mean SSO: open Settings → Security → SSO and upload your identity provider metadata [sso-guide#0].', references: ['Go to Settings → Security → SSO and upload your IdP metadata'], relevantDocs: { 'sso-guide': 1 }, retrieval: ssoRetrieval, attribution: 'pass', scores: { 'answer.f1': 0.75, 'hallucination.rate': 0, 'retrieval.recall@5': 1 }, tags: ['ambiguous', 'segment:smb'] }),
  qa({ caseId: 'dpo-contact', provider: LOCAL, input: "Who is Acme's data protection officer?", output: "I don't know — the knowledge base doesn't say.", unanswerable: true, retrieval: noAnswerRetrieval, attribution: 'pass', scores: { 'answer.declined': 1, 'answer.f1': null, 'hallucination.rate': 0, 'retrieval.recall@5': null } }),
  qa({ caseId: 'dpo-contact', provider: OPENAI, input: "Who is Acme's data protection officer?", output: "Acme's data protection officer is Maria Keller, reachable at dpo@acme.example.", unanswerable: true, retrieval: noAnswerRetrieval, confidence: 0.91, attribution: 'generation-error', scores: { 'answer.declined': 0, 'answer.f1': null, 'hallucination.rate': 1, 'retrieval.recall@5': null }, notes: { 'hallucination.rate': 'unsupported: "Maria Keller" and "dpo@acme.example" do not appear in the retrieved context' } }),
  qa({ caseId: 'phone-support', provider: LOCAL, input: 'What is the phone number for support in Japan?', output: "I don't know — the knowledge base doesn't say.", unanswerable: true, retrieval: phoneRetrieval, attribution: 'pass', scores: { 'answer.declined': 1, 'answer.f1': null, 'hallucination.rate': 0, 'retrieval.recall@5': null } }),
  qa({ caseId: 'phone-support', provider: OPENAI, input: 'What is the phone number for support in Japan?', output: 'You can call Acme Japan support on +81 3 4578 1200, weekdays 9:00–18:00.', unanswerable: true, retrieval: phoneRetrieval, confidence: null, attribution: 'generation-error', scores: { 'answer.declined': 0, 'answer.f1': null, 'hallucination.rate': 1, 'retrieval.recall@5': null }, notes: { 'hallucination.rate': 'unsupported: "+81 3 4578 1200" does not appear in the retrieved context' } }),

  intent({ caseId: 'int-001', input: 'Why was I charged twice this month?', label: 'billing', predicted: 'billing', confidence: 0.94, tags: ['channel:email'] }),
  intent({ caseId: 'int-002', input: 'The desktop app crashes when I open a shared board.', label: 'technical', predicted: 'technical', confidence: 0.88, tags: ['channel:chat'] }),
  intent({ caseId: 'int-003', input: "I've been charged three times and your bot keeps hanging up on me. I want a manager NOW.", label: 'escalate', predicted: 'general', confidence: 0.74, tags: ['channel:chat'] }),
  intent({ caseId: 'int-004', input: 'Do you have a <b>dark mode</b>? Asking for my team.', label: 'general', predicted: 'escalate', confidence: 0.55, tags: ['channel:email'] }),
  intent({ caseId: 'int-005', input: 'My card was declined | error code 402 — can you retry?', label: 'billing', predicted: 'technical', confidence: 0.62, tags: ['channel:chat'] }),
  intent({ caseId: 'int-006', input: 'The invoice PDF shows the wrong VAT number.', label: 'billing', predicted: 'technical', confidence: 0.66, tags: ['ambiguous', 'channel:email'] }),
  intent({ caseId: 'int-007', input: 'This is the third outage this week; we are cancelling unless someone calls us today.', label: 'escalate', predicted: 'escalate', confidence: 0.97, tags: ['channel:chat'] }),
  intent({ caseId: 'int-008', input: 'API returns 500 on every webhook delivery since this morning.', label: 'technical', predicted: 'technical', confidence: 0.91, tags: ['channel:email'] }),
  intent({ caseId: 'int-009', input: 'Where can I find your roadmap?', label: 'general', predicted: 'general', confidence: 0.83, tags: ['channel:chat'] }),

  retrievalCase('ret-001', 'reset two-factor authentication', ['security-2fa'], ['security-2fa', 'sso-guide', 'plans'], true, { 'retrieval.recall@5': 1, 'retrieval.ndcg@10': 1, 'retrieval.mrr': 1 }),
  retrievalCase('ret-002', 'gdpr data processing agreement', ['dpa', 'privacy-policy'], ['privacy-policy', 'security-2fa', 'contact'], true, { 'retrieval.recall@5': 0.5, 'retrieval.ndcg@10': 0.613, 'retrieval.mrr': 1 }),
  retrievalCase('ret-003', 'move workspace to another region', ['data-residency'], ['plans', 'api-errors', 'contact'], false, { 'retrieval.recall@5': 0, 'retrieval.ndcg@10': 0, 'retrieval.mrr': 0 }),
];

const noCost = { totalUsd: 0, perCaseUsd: 0, inputTokens: 0, outputTokens: 0, estimatedCases: 0 };

export const runRecord: RunRecord = {
  manifest: {
    schemaVersion: 1,
    runId: '2025-06-02T14-03-11Z-a81f',
    name: 'acme-support',
    startedAt: '2025-06-02T14:03:11.204Z',
    finishedAt: '2025-06-02T14:03:24.951Z',
    durationMs: 13747,
    gitSha: '3e9b1c4d2a7f60e8b5c9d1f2a3b4c5d6e7f80912',
    gitDirty: true,
    configHash: 'c0ffee12a9b8',
    configFile: 'eval/evalgate.yaml',
    corpusHash: '7d41e0b2f3a4',
    seed: 42,
    repeat: 1,
    hypothesis: 'Asking the model to decline when the context is silent (support-answer v2) cuts hallucinations without hurting answer F1.',
    providers: [
      { id: LOCAL, provider: 'local', model: 'extractive' },
      { id: OPENAI, provider: 'openai', model: 'gpt-4o-mini-2024-07-18' },
    ],
    prompts: { 'support-answer': QA_PROMPT, intent: INTENT_PROMPT },
    retrieval: { embedder: 'local/hash', mode: 'hybrid', k: 5, chunking: '400 tokens, 60 overlap', vectorStore: 'exact', contextBudgetTokens: 1800, indexReused: true },
    suites: [
      { name: 'support-qa', task: 'rag-qa', cases: 7, file: 'test_cases/support-qa.jsonl' },
      { name: 'intent', task: 'classify', cases: 9, file: 'test_cases/intent.jsonl' },
      { name: 'kb-retrieval', task: 'retrieval', cases: 3, file: 'test_cases/kb-retrieval.jsonl' },
    ],
    packageVersions: { evalgate: '0.1.0', node: '20.17.0' },
    timings: { index: 120, generate: 12890, score: 410 },
    counts: { results: 26, errors: 1, cached: 0, requests: 20 },
  },
  summary: [
    {
      suite: 'support-qa', task: 'rag-qa', provider: LOCAL, model: 'extractive', promptVersion: QA_PROMPT, cases: 7, errors: 0,
      metrics: {
        'retrieval.recall@5': { value: 0.8, low: 0.4, high: 1, n: 5, kind: 'mean' },
        'retrieval.mrr': { value: 0.7, low: 0.3, high: 1, n: 5, kind: 'mean' },
        'answer.f1': { value: 0.235, low: 0.062, high: 0.44, n: 5, kind: 'mean' },
        'answer.semantic': { value: null, low: null, high: null, n: 0, kind: 'mean' },
        'answer.declined': { value: 0.286, low: 0, high: 0.571, n: 7, kind: 'mean', wilson: [0.082, 0.641] },
        'hallucination.rate': { value: 0, low: 0, high: 0, n: 7, kind: 'mean', wilson: [0, 0.354] },
        'errors.rate': { value: 0, low: 0, high: 0, n: 7, kind: 'mean', wilson: [0, 0.354] },
        'cost.per_case_usd': { value: 0, low: 0, high: 0, n: 7, kind: 'mean' },
        'latency.p50_ms': { value: 19, low: null, high: null, n: 7, kind: 'statistic' },
        'latency.p95_ms': { value: 38.4, low: null, high: null, n: 7, kind: 'statistic' },
        'latency.p99_ms': { value: 41.2, low: null, high: null, n: 7, kind: 'statistic' },
      },
      attribution: { pass: 3, 'retrieval-miss': 1, 'context-overflow': 1, 'generation-error': 2 },
      cost: noCost,
    },
    {
      suite: 'support-qa', task: 'rag-qa', provider: OPENAI, model: 'gpt-4o-mini-2024-07-18', promptVersion: QA_PROMPT, cases: 7, errors: 1,
      metrics: {
        'retrieval.recall@5': { value: 0.8, low: 0.4, high: 1, n: 5, kind: 'mean' },
        'retrieval.mrr': { value: 0.7, low: 0.3, high: 1, n: 5, kind: 'mean' },
        'answer.f1': { value: 0.612, low: 0.2, high: 0.85, n: 4, kind: 'mean' },
        'answer.semantic': { value: null, low: null, high: null, n: 0, kind: 'mean' },
        'answer.declined': { value: 0, low: 0, high: 0, n: 6, kind: 'mean', wilson: [0, 0.39] },
        'hallucination.rate': { value: 0.333, low: 0, high: 0.667, n: 6, kind: 'mean', wilson: [0.097, 0.7] },
        'errors.rate': { value: 0.143, low: 0, high: 0.429, n: 7, kind: 'mean', wilson: [0.026, 0.513] },
        'latency.p50_ms': { value: 790, low: null, high: null, n: 6, kind: 'statistic' },
        'latency.p95_ms': { value: 2140.6, low: null, high: null, n: 6, kind: 'statistic' },
        'latency.p99_ms': { value: 2388.1, low: null, high: null, n: 6, kind: 'statistic' },
      },
      attribution: { pass: 3, 'retrieval-miss': 1, 'generation-error': 2, 'provider-error': 1 },
      cost: { totalUsd: 0.00312, perCaseUsd: 0.00052, inputTokens: 9120, outputTokens: 1080, estimatedCases: 0 },
    },
    {
      suite: 'intent', task: 'classify', provider: OPENAI, model: 'gpt-4o-mini-2024-07-18', promptVersion: INTENT_PROMPT, cases: 9, errors: 0,
      metrics: {
        'classification.accuracy': { value: 0.556, low: 0.222, high: 0.889, n: 9, kind: 'mean', wilson: [0.267, 0.811] },
        'classification.macro_f1': { value: 0.542, low: 0.25, high: 0.833, n: 9, kind: 'statistic' },
        'calibration.ece': { value: 0.241, low: 0.118, high: 0.402, n: 9, kind: 'statistic' },
        'classification.roc_auc': { value: null, low: null, high: null, n: 0, kind: 'statistic' },
        'errors.rate': { value: 0, low: 0, high: 0, n: 9, kind: 'mean', wilson: [0, 0.299] },
        'cost.per_case_usd': { value: 0.00013, low: 0.00013, high: 0.00013, n: 9, kind: 'mean' },
        'latency.p50_ms': { value: 640, low: null, high: null, n: 9, kind: 'statistic' },
        'latency.p95_ms': { value: 1210.2, low: null, high: null, n: 9, kind: 'statistic' },
        'latency.p99_ms': { value: 1302.7, low: null, high: null, n: 9, kind: 'statistic' },
      },
      attribution: { pass: 5, 'wrong-label': 4 },
      classification: {
        labels: ['billing', 'technical', 'general', 'escalate'],
        confusion: {
          billing: { billing: 1, technical: 2, general: 0, escalate: 0 },
          technical: { billing: 0, technical: 2, general: 0, escalate: 0 },
          general: { billing: 0, technical: 0, general: 1, escalate: 1 },
          escalate: { billing: 0, technical: 0, general: 1, escalate: 1 },
        },
        perClass: {
          billing: { precision: 1, recall: 0.333, f1: 0.5, support: 3 },
          technical: { precision: 0.5, recall: 1, f1: 0.667, support: 2 },
          general: { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
          escalate: { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
        },
        reviewThreshold: { targetPrecision: 0.9, threshold: 0.8, reviewShare: 0.444 },
      },
      cost: { totalUsd: 0.00117, perCaseUsd: 0.00013, inputTokens: 3690, outputTokens: 27, estimatedCases: 0 },
      confidenceHistogram: [
        { low: 0, high: 0.1, count: 0, correct: 0 },
        { low: 0.1, high: 0.2, count: 0, correct: 0 },
        { low: 0.2, high: 0.3, count: 0, correct: 0 },
        { low: 0.3, high: 0.4, count: 0, correct: 0 },
        { low: 0.4, high: 0.5, count: 0, correct: 0 },
        { low: 0.5, high: 0.6, count: 1, correct: 0 },
        { low: 0.6, high: 0.7, count: 2, correct: 0 },
        { low: 0.7, high: 0.8, count: 1, correct: 0 },
        { low: 0.8, high: 0.9, count: 2, correct: 2 },
        { low: 0.9, high: 1, count: 3, correct: 3 },
      ],
    },
    {
      suite: 'kb-retrieval', task: 'retrieval', provider: LOCAL, model: 'extractive', promptVersion: null, cases: 3, errors: 0,
      metrics: {
        'retrieval.recall@5': { value: 0.5, low: 0, high: 1, n: 3, kind: 'mean' },
        'retrieval.ndcg@10': { value: 0.538, low: 0, high: 1, n: 3, kind: 'mean' },
        'retrieval.mrr': { value: 0.667, low: 0, high: 1, n: 3, kind: 'mean' },
        'latency.p95_ms': { value: 4, low: null, high: null, n: 3, kind: 'statistic' },
      },
      attribution: { pass: 2, 'retrieval-miss': 1 },
      cost: noCost,
    },
  ],
  bias: {
    rows: [
      { suite: 'support-qa', provider: LOCAL, attribute: 'gender', metric: 'answer.f1 gap between groups', threshold: 0.05, value: 0.021, low: -0.034, high: 0.077, pass: true },
      { suite: 'support-qa', provider: OPENAI, attribute: 'age', metric: 'answer divergence (1 − token F1 between variants)', threshold: 0.25, value: 0.12, pass: true },
      { suite: 'intent', provider: OPENAI, attribute: 'gender', metric: 'label flip rate', threshold: 0.05, value: 0.143, low: 0.026, high: 0.513, pass: false, detail: '1 of 7 pairs changed label | int-003: general → escalate\nwith a female name' },
      { suite: 'intent', provider: OPENAI, attribute: 'name-origin', metric: 'label flip rate', threshold: 0.05, value: null, pass: null, detail: '0 probes, none flipped' },
    ],
    subgroups: [
      { suite: 'support-qa', provider: LOCAL, metric: 'answer.f1', groups: [{ tag: 'segment:enterprise', n: 2, value: 0.053 }, { tag: 'segment:smb', n: 2, value: 0.134 }], gap: 0.081, flagged: false },
      { suite: 'intent', provider: OPENAI, metric: 'classification.accuracy', groups: [{ tag: 'channel:chat', n: 5, value: 0.6 }, { tag: 'channel:email', n: 4, value: 0.5 }], gap: 0.1, flagged: false },
      { suite: 'support-qa', provider: OPENAI, metric: 'answer.f1', groups: [{ tag: 'segment:enterprise', n: 1, value: 0 }, { tag: 'segment:smb', n: 2, value: 0.686 }], gap: 0.686, flagged: true },
    ],
  },
  comparison: [
    { suite: 'support-qa', provider: LOCAL, metric: 'answer.f1', baseline: 0.367, candidate: 0.235, delta: -0.132, low: -0.251, high: -0.031, pValue: 0.031, adjustedP: 0.046, test: 'sign-flip', n: 5, minimumDetectableEffect: 0.118, higherIsBetter: true, onlyInBaseline: ['billing-cycle'], onlyInCandidate: ['phone-support'] },
    { suite: 'support-qa', provider: LOCAL, metric: 'hallucination.rate', baseline: 0, candidate: 0, delta: 0, low: 0, high: 0, pValue: 1, adjustedP: 1, test: 'mcnemar', n: 6, minimumDetectableEffect: 0.5, higherIsBetter: false, onlyInBaseline: ['billing-cycle'], onlyInCandidate: ['phone-support'] },
    { suite: 'support-qa', provider: OPENAI, metric: 'answer.f1', baseline: 0.598, candidate: 0.612, delta: 0.014, low: -0.04, high: 0.069, pValue: 0.62, adjustedP: 1, test: 'sign-flip', n: 4, minimumDetectableEffect: 0.142, higherIsBetter: true, onlyInBaseline: ['billing-cycle'], onlyInCandidate: ['phone-support'] },
    { suite: 'support-qa', provider: OPENAI, metric: 'hallucination.rate', baseline: 0.5, candidate: 0.333, delta: -0.167, low: -0.5, high: 0, pValue: 0.5, adjustedP: 1, test: 'mcnemar', n: 5, minimumDetectableEffect: 0.6, higherIsBetter: false, onlyInBaseline: ['billing-cycle'], onlyInCandidate: ['phone-support'] },
    { suite: 'intent', provider: OPENAI, metric: 'classification.accuracy', baseline: 0.556, candidate: 0.556, delta: 0, low: -0.222, high: 0.222, pValue: 1, adjustedP: 1, test: 'mcnemar', n: 9, minimumDetectableEffect: 0.41, higherIsBetter: true, onlyInBaseline: [], onlyInCandidate: [] },
    { suite: 'kb-retrieval', provider: LOCAL, metric: 'retrieval.ndcg@10', baseline: 0.538, candidate: 0.538, delta: 0, low: 0, high: 0, pValue: null, adjustedP: null, test: 'none', n: 3, minimumDetectableEffect: null, higherIsBetter: true, onlyInBaseline: [], onlyInCandidate: [] },
  ],
  targets: [
    { suite: 'support-qa', provider: LOCAL, metric: 'answer.f1', op: '>=', target: 0.2, achieved: 0.235, pass: true },
    { suite: 'support-qa', provider: LOCAL, metric: 'hallucination.rate', op: '<=', target: 0.05, achieved: 0, pass: true },
    { suite: 'support-qa', provider: LOCAL, metric: 'latency.p95_ms', op: '<=', target: 2500, achieved: 38.4, pass: true },
    { suite: 'support-qa', provider: OPENAI, metric: 'answer.f1', op: '>=', target: 0.2, achieved: 0.612, pass: true },
    { suite: 'support-qa', provider: OPENAI, metric: 'hallucination.rate', op: '<=', target: 0.05, achieved: 0.333, pass: false },
    { suite: 'support-qa', provider: OPENAI, metric: 'latency.p95_ms', op: '<=', target: 2500, achieved: 2140.6, pass: true },
    { suite: 'intent', provider: OPENAI, metric: 'classification.macro_f1', op: '>=', target: 0.5, achieved: 0.542, pass: true },
    { suite: 'kb-retrieval', provider: LOCAL, metric: 'retrieval.ndcg@10', op: '>=', target: 0.5, achieved: 0.538, pass: true },
  ],
  gate: {
    status: 'fail',
    failures: [
      { kind: 'regression', suite: 'support-qa', provider: LOCAL, metric: 'answer.f1', message: 'answer.f1 dropped by 0.132 (allowed 0.02), significant after Holm correction (p = 0.046)' },
      { kind: 'target', suite: 'support-qa', provider: OPENAI, metric: 'hallucination.rate', message: 'hallucination.rate 0.333 misses the target <= 0.05' },
    ],
    exitCode: 1,
    recommendation: 'do-not-ship',
    reasons: [
      'answer.f1 on support-qa (local/extractive) dropped significantly against the baseline.',
      'openai/gpt-4o-mini hallucinates on 1 in 3 support answers, including on questions the knowledge base cannot answer.',
      'Label flips by gender on intent exceed the 0.05 threshold.',
    ],
  },
  changes: {
    hasBaseline: true,
    baselineRunId: '2025-05-28T09-12-04Z-4c1d',
    prompts: [
      { id: 'support-answer', from: 'support-answer@v1#0b7e5521', to: QA_PROMPT },
      { id: 'intent', from: INTENT_PROMPT, to: INTENT_PROMPT },
    ],
    configChanged: true,
    corpusChanged: false,
    providersAdded: [],
    providersRemoved: [],
  },
};
