// run-started.json: written into the run folder before the first case, so a run that never
// reached run.json (a crash, a kill, a cancelled CI job) can be finished by `--resume` with the
// same options, and refused when what the results depend on changed. Holds no secret: options
// as typed (no environment), hashes and ids.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { writeFileAtomic } from '../run/run-folder.js';
import type { JobSelection } from '../selection/select-jobs.js';
import type { RunFingerprint } from './run-fingerprint.js';

export const RUN_STARTED_FILE = 'run-started.json';

/** The evaluate options a resumed run takes over from the run it finishes. */
export interface StartedOptions {
  suites?: string[];
  providers?: string[];
  repeat?: number;
  useCache?: boolean;
  hypothesis?: string;
  allowMissingProviders?: boolean;
  selection?: JobSelection;
  /** `--max-cost-usd` as given: a resumed run stays under the same limit (budget in config is in the config). */
  maxCostUsd?: number;
}

export interface RunStarted {
  schemaVersion: 1;
  runId: string;
  startedAt: string;
  fingerprint: RunFingerprint;
  options: StartedOptions;
}

const RunStartedSchema = z.looseObject({
  schemaVersion: z.literal(1),
  runId: z.string(),
  startedAt: z.string(),
  fingerprint: z.looseObject({
    configHash: z.string(),
    corpusHash: z.string().nullable(),
    seed: z.number(),
    prompts: z.record(z.string(), z.string()),
    cases: z.record(z.string(), z.object({ file: z.string(), hash: z.string() })),
    providers: z.array(z.string()),
  }),
  options: z.looseObject({}),
});

export async function writeRunStarted(runDir: string, started: RunStarted): Promise<void> {
  await writeFileAtomic(path.join(runDir, RUN_STARTED_FILE), `${JSON.stringify(started, null, 1)}\n`);
}

export async function readRunStarted(runDir: string): Promise<RunStarted> {
  const file = path.join(runDir, RUN_STARTED_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError({
      code: 'RESUME_IMPOSSIBLE',
      file,
      message: missing
        ? 'not found: this run was started by an evalgate without --resume support; start a new run'
        : 'not valid JSON: start a new run',
    });
  }
  const parsed = RunStartedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({
      code: 'RESUME_IMPOSSIBLE',
      file,
      field: issue.path.join('.'),
      message: issue.message,
    });
  }
  return parsed.data as unknown as RunStarted;
}
