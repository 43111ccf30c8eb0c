// A project on disk whose rag-qa suite is answered by the user's own application — the example
// RAG service over HTTP and the same answer code as an ES module — with no `rag` block and no prompt.
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXAMPLE_APP = path.resolve(import.meta.dirname, '../../../examples/http-app');

export async function createAppProject(
  options: { extraConfig?: string; providers?: string } = {},
): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'evalgate-app-'));
  await mkdir(path.join(root, 'eval'), { recursive: true });
  await mkdir(path.join(root, 'app'), { recursive: true });
  await cp(path.join(EXAMPLE_APP, 'test_cases'), path.join(root, 'test_cases'), { recursive: true });
  const service = path.join(EXAMPLE_APP, 'app/rag-service.mjs');
  await writeFile(
    path.join(root, 'app/answer.mjs'),
    `import { answer, loadPassages } from ${JSON.stringify(service)};
const passages = loadPassages(${JSON.stringify(path.join(EXAMPLE_APP, 'docs'))});
export async function answerQuestion(input, ctx) {
  if (!ctx.signal || !ctx.caseId) throw new Error('ctx is missing signal or caseId');
  const reply = answer(passages, input, ctx.vars.top_k);
  return { output: reply.answer, contexts: reply.contexts, usage: reply.usage };
}
`,
  );
  const providers =
    options.providers ??
    `  - id: http/support-bot
    url: \${APP_URL}/answer
    method: POST
    headers: { Authorization: "Bearer \${APP_TOKEN}" }
    body: { question: "{{question}}", top_k: "{{vars.top_k}}" }
    response:
      output: $.answer
      contexts: $.contexts
      usage: $.usage
  - id: module/app/answer.mjs#answerQuestion
`;
  await writeFile(
    path.join(root, 'eval/evalgate.yaml'),
    `name: app-eval
providers:
${providers}suites:
  - name: support
    task: rag-qa
    cases: test_cases/support-qa.jsonl
${options.extraConfig ?? ''}`,
  );
  return root;
}
