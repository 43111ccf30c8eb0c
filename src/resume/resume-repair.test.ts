// --resume repairs what a crash can leave in a run folder, in process: a cut-short run.json is
// discarded and written whole again from the results on disk, with no case run twice; and a
// finished run is not resumed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFixtureProject } from '../cli/__fixtures__/fixture-project.js';
import { evaluate } from '../pipeline/evaluate.js';
import { checkRunFolder } from '../run/check-run-folder.js';
import { readResults } from '../run/read-run.js';

describe('evaluate --resume', () => {
  it('rebuilds a torn run.json from the written results without running a case again', async () => {
    const root = await createFixtureProject();
    const configPath = path.join(root, 'eval/evalgate.yaml');
    const first = await evaluate({ configPath, env: {}, useCache: false });
    await expect(evaluate({ configPath, env: {}, resume: true })).rejects.toThrow(
      /no unfinished run to resume/,
    );
    await expect(evaluate({ configPath, env: {}, resume: first.record.manifest.runId })).rejects.toThrow(
      /this run already finished/,
    );

    const runJson = path.join(first.runDir, 'run.json');
    await writeFile(runJson, (await readFile(runJson, 'utf8')).slice(0, 300));
    await expect(checkRunFolder(first.runDir)).rejects.toThrow(/cut short/);
    const progress: number[] = [];
    const resumed = await evaluate({
      configPath,
      env: {},
      resume: true,
      onProgress: (p) => progress.push(p.total),
    });
    expect(resumed.runDir).toBe(first.runDir);
    expect(progress).toEqual([]); // nothing left to run
    expect(resumed.record.manifest.resumed?.priorResults).toBe(6);
    await expect(checkRunFolder(first.runDir)).resolves.toBeUndefined();
    expect(await readResults(first.runDir)).toEqual(first.results);
    expect(resumed.record.summary).toEqual(first.record.summary);
    expect(resumed.record.gate).toEqual(first.record.gate);
  }, 60_000);
});
