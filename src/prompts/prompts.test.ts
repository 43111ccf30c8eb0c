import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { selectFewShot } from './few-shot.js';
import { loadPrompt } from './load-prompt.js';
import { renderPrompt } from './render-prompt.js';

async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'evalgate-prompts-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

const load = (root: string, ref = 'ans@v1', task: 'rag-qa' | 'classify' = 'rag-qa') =>
  loadPrompt({ ref, root, task, suiteField: 'suites.0.prompt', configFile: 'eval/evalgate.yaml' });

describe('loadPrompt', () => {
  it('parses front matter, renders, and versions by content hash', async () => {
    const root = await project({
      'prompts/ans/v1.md': '---\ntemperature: 0.2\nsystem: Be brief.\n---\nQ: {{question}}\nC: {{context}}\n',
    });
    const prompt = await load(root);
    expect(prompt.frontMatter.temperature).toBe(0.2);
    expect(prompt.versionId).toMatch(/^ans@v1#[0-9a-f]{8}$/);
    expect(renderPrompt(prompt, { question: 'Why?', context: '[a#0]\ntext', fewShot: [] })).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Q: Why?\nC: [a#0]\ntext' },
    ]);
    const edited = await project({
      'prompts/ans/v1.md':
        '---\ntemperature: 0.2\nsystem: Be brief.\n---\nQ: {{question}}\nContext: {{context}}\n',
    });
    expect((await load(edited)).versionId).not.toBe(prompt.versionId);
  });

  it('rejects an unknown variable with file and line', async () => {
    const root = await project({
      'prompts/ans/v1.md': '---\ntemperature: 0\n---\nQuestion: {{question}}\nDocs: {{contexts}}\n',
    });
    await expect(load(root)).rejects.toThrow(
      'prompts/ans/v1.md:5: {{contexts}}: unknown template variable for a rag-qa prompt (allowed: {{question}}, {{context}}, {{few_shot}})',
    );
  });

  it('checks the variables of the system message too', async () => {
    const root = await project({
      'prompts/ans/v1.md': '---\ntemperature: 0\nsystem: You help {{customer}}.\n---\n{{question}}\n',
    });
    await expect(load(root)).rejects.toThrow(
      'prompts/ans/v1.md:3: {{customer}}: unknown template variable for a rag-qa prompt',
    );
  });

  it('rejects unknown front matter fields and a missing prompt file', async () => {
    const root = await project({ 'prompts/ans/v1.md': '---\ntemprature: 0\n---\n{{question}}\n' });
    await expect(load(root)).rejects.toThrow('prompts/ans/v1.md:2: unknown field "temprature"');
    await expect(load(root, 'ans@v9')).rejects.toThrow(
      'eval/evalgate.yaml: suites.0.prompt: prompt file prompts/ans/v9.md not found',
    );
  });

  it('needs few_shot.jsonl when the front matter asks for examples', async () => {
    const root = await project({
      'prompts/ans/v1.md': '---\nfew_shot: { count: 2 }\n---\n{{few_shot}}\n{{question}}\n',
    });
    await expect(load(root)).rejects.toThrow(
      'prompts/ans/v1.md: few_shot.count: asks for 2 examples but prompts/ans/few_shot.jsonl does not exist',
    );
  });
});

describe('loadPrompt: a version pins its own few-shot file', () => {
  const example = (output: string) => `${JSON.stringify({ input: 'x', output })}\n`;
  it('reads the pinned file, and its content changes the version hash', async () => {
    const files = {
      'prompts/ans/v1.md': '---\nfew_shot: { count: 1 }\n---\n{{few_shot}}\n{{question}}\n',
      'prompts/ans/v2.md':
        '---\nfew_shot: { count: 1, file: v2-examples.jsonl }\n---\n{{few_shot}}\n{{question}}\n',
      'prompts/ans/few_shot.jsonl': example('shared'),
      'prompts/ans/v2-examples.jsonl': example('pinned'),
    };
    const root = await project(files);
    const v1 = await load(root, 'ans@v1');
    const v2 = await load(root, 'ans@v2');
    expect(v1.fewShot[0].output).toBe('shared');
    expect(v1.fewShotFile).toBe('prompts/ans/few_shot.jsonl');
    expect(v2.fewShot[0].output).toBe('pinned');
    expect(v2.fewShotFile).toBe('prompts/ans/v2-examples.jsonl');
    // Editing the shared file changes v1's hash but not v2's.
    const edited = await project({ ...files, 'prompts/ans/few_shot.jsonl': example('edited') });
    expect((await load(edited, 'ans@v1')).versionId).not.toBe(v1.versionId);
    expect((await load(edited, 'ans@v2')).versionId).toBe(v2.versionId);
  });

  it('names a pinned file that does not exist', async () => {
    const root = await project({
      'prompts/ans/v1.md': '---\nfew_shot: { count: 1, file: gone.jsonl }\n---\n{{few_shot}}\n{{question}}\n',
    });
    await expect(load(root)).rejects.toThrow(
      'prompts/ans/v1.md: few_shot.file: prompts/ans/gone.jsonl does not exist',
    );
  });
});

describe('selectFewShot', () => {
  const examples = ['a', 'a', 'a', 'b', 'b', 'c'].map((output, i) => ({ input: `x${i}`, output }));
  it('stratified selection covers every label before repeating one', () => {
    const picked = selectFewShot({ examples, count: 3, selection: 'stratified', rng: createRng(1) });
    expect(picked.map((e) => e.output).sort()).toEqual(['a', 'b', 'c']);
  });
  it('is deterministic for a seed', () => {
    const a = selectFewShot({ examples, count: 4, selection: 'random', rng: createRng(7) });
    const b = selectFewShot({ examples, count: 4, selection: 'random', rng: createRng(7) });
    expect(a).toEqual(b);
  });
});
