// `evalgate feedback import <file> --suite s`: appends the labelled samples as gold cases to the
// suite's feedback file (deduplicated by input hash, PII refused) and says how to evaluate them.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../core/errors.js';
import { existingInputHashes, importFeedback, readFeedback } from '../../feedback/import-feedback.js';
import { loadProject } from './load-project.js';

export async function feedbackImportCommand(
  file: string,
  options: { suite: string; out?: string; config: string },
): Promise<number> {
  const { loaded } = await loadProject(options.config);
  const suite = loaded.config.suites.find((s) => s.name === options.suite);
  if (!suite || !['classify', 'rag-qa', 'qa'].includes(suite.task))
    throw new InputError({
      code: 'SUITE_UNKNOWN',
      field: '--suite',
      message: `${options.suite} is not a classify or question-answering suite of ${options.config}`,
    });
  const out = path.resolve(
    loaded.root,
    options.out ?? path.join('test_cases', `${suite.name}-feedback.jsonl`),
  );
  const lines = await readFeedback(file);
  const result = importFeedback({
    lines,
    file,
    task: suite.task === 'classify' ? 'classify' : 'answer',
    labels: suite.labels,
    existing: await existingInputHashes(out),
    idPrefix: `fb-${suite.name}`,
  });
  await mkdir(path.dirname(out), { recursive: true });
  if (result.cases.length) await appendFile(out, `${result.cases.join('\n')}\n`);
  const rel = path.relative(loaded.root, out);
  process.stdout.write(
    `feedback: ${result.cases.length} new case${result.cases.length === 1 ? '' : 's'} → ${rel} (${result.duplicates} duplicate${result.duplicates === 1 ? '' : 's'} skipped)\n` +
      `evaluate them with a suite such as:\n  - name: ${suite.name}-feedback\n    task: ${suite.task}\n    prompt: ${suite.prompt ?? '<prompt>'}\n    cases: ${rel}\n${suite.labels ? `    labels: [${suite.labels.join(', ')}]\n` : ''}`,
  );
  return 0;
}
