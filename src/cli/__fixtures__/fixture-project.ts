// A small but complete project on disk (config, corpus, prompts, cases) for end-to-end CLI
// tests; the OpenAI provider points at a fake server on 127.0.0.1.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface FixtureOptions {
  openaiUrl?: string;
  extraConfig?: string;
  prompt?: string;
}

export const GOOD_PROMPT = `---
temperature: 0
max_tokens: 200
---
Answer from the context.

{{context}}

Question: {{question}}
`;

const CORPUS: Record<string, string> = {
  'billing/refunds.md':
    '# Refunds\n\nAnnual plans can be refunded in full within 14 days of purchase. Monthly plans are not refunded for partial months.\n',
  'billing/prices.md':
    '# Prices\n\nThe Pro plan costs 8 dollars per user per month. Annual billing saves 20 percent.\n',
  'sync/limits.md':
    '# Sync limits\n\nThe maximum file size for sync is 50 GB. File names cannot end with a space.\n',
};

const QA_CASES = [
  {
    id: 'q1',
    question: 'Can annual plans be refunded?',
    reference: 'Annual plans can be refunded in full within 14 days of purchase.',
    relevant_docs: ['billing/refunds.md'],
    tags: ['billing'],
  },
  {
    id: 'q2',
    question: 'How much does the Pro plan cost?',
    reference: 'The Pro plan costs 8 dollars per user per month.',
    relevant_docs: ['billing/prices.md'],
    tags: ['billing'],
  },
  {
    id: 'q3',
    question: 'What is the maximum file size for sync?',
    reference: 'The maximum file size for sync is 50 GB.',
    relevant_docs: ['sync/limits.md'],
    tags: ['sync'],
  },
  {
    id: 'q4',
    question: 'How much does annual billing save?',
    reference: 'Annual billing saves 20 percent.',
    relevant_docs: ['billing/prices.md'],
    tags: ['billing'],
  },
  {
    id: 'q5',
    question: 'Can file names end with a space?',
    reference: 'File names cannot end with a space.',
    relevant_docs: ['sync/limits.md'],
    tags: ['sync'],
  },
  {
    id: 'q6',
    question: 'Are monthly plans refunded for partial months?',
    reference: 'Monthly plans are not refunded for partial months.',
    relevant_docs: ['billing/refunds.md'],
    tags: ['billing'],
  },
];

export async function createFixtureProject(options: FixtureOptions = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'evalgate-cli-'));
  const providers = ['  - id: local/extractive'];
  if (options.openaiUrl)
    providers.push(
      `  - id: openai/gpt-4o-mini\n    base_url: ${options.openaiUrl}\n    max_retries: 1\n    timeout_ms: 5000`,
    );
  const config = `name: fixture
seed: 7
concurrency: 4
providers:
${providers.join('\n')}
rag:
  corpus: rag/corpus
  chunking: { size: 60, overlap: 10 }
  retrieve: { k: 3 }
suites:
  - name: qa
    task: rag-qa
    prompt: answer@v1
    cases: test_cases/qa.jsonl
gate:
  max_drop: { answer.f1: 0.02 }
  resamples: 500
${options.extraConfig ?? ''}`;
  const files: Record<string, string> = {
    'eval/evalgate.yaml': config,
    'prompts/answer/v1.md': options.prompt ?? GOOD_PROMPT,
    'test_cases/qa.jsonl': `${QA_CASES.map((c) => JSON.stringify(c)).join('\n')}\n`,
  };
  for (const [name, text] of Object.entries(CORPUS)) files[path.join('rag/corpus', name)] = text;
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

/** The reference answer for a question, so a fake model can answer correctly. */
export function referenceFor(question: string): string | undefined {
  return QA_CASES.find((c) => question.includes(c.question))?.reference;
}
