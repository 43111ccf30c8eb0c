// A sweep under a budget over the user's own application (a module/ provider): its calls cost
// the harness nothing, so the sweep's budget check does not count them as unpriced paid calls and
// runs, as eval on the same config does. Through the built CLI.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProject } from '../pipeline/__fixtures__/app-project.js';
import { runBuiltCli } from '../cli/__fixtures__/run-built-cli.js';
import { createFixtureProject } from '../cli/__fixtures__/fixture-project.js';

const MODULE_ONLY = '  - id: module/app/answer.mjs#answerQuestion\n';

describe('sweep budget with a free provider', () => {
  it('runs a module-provider sweep under a budget; an unpriced OpenAI model is still refused', async () => {
    const root = await createAppProject({
      providers: MODULE_ONLY,
      extraConfig: 'budget:\n  max_cost_usd: 1\nsweep:\n  seed: [1, 2]\n',
    });
    const swept = await runBuiltCli(['sweep', '--config', path.join(root, 'eval/evalgate.yaml')], root, {});
    expect(swept.stderr).not.toMatch(/would be paid for at a price/);
    expect(swept.code).not.toBe(2);
    // Must not flip: a billed model the price table does not know still needs --yes.
    const paid = await createFixtureProject({
      openaiUrl: 'http://127.0.0.1:9/v1',
      extraConfig: 'budget:\n  max_cost_usd: 1\nsweep:\n  seed: [1, 2]\n',
    });
    const config = path.join(paid, 'eval/evalgate.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replaceAll('gpt-4o-mini', 'gpt-unpriced-sweep'));
    const refused = await runBuiltCli(
      ['sweep', '--config', config, '--provider', 'openai/gpt-unpriced-sweep'],
      paid,
      { OPENAI_API_KEY: 'test' },
    );
    expect(refused.stderr).toMatch(
      /model calls of this sweep .*would be paid for at a price this estimate does not know/,
    );
    expect(refused.code).toBe(2);
  }, 60_000);
});
