// `evalgate sweep --confirm <sweep-id> --variant <name>`: the chosen variant and the reference,
// run on the sweep's held-out cases only, compared with the same paired tests as the sweep. The
// confirmation is stored in the sweep's record and its sweep.md.
import type { ModuleClosers } from '../../providers/module/module-closers.js';
import path from 'node:path';
import { InputError } from '../../core/errors.js';
import { evaluate } from '../../pipeline/evaluate.js';
import { writeReports } from '../../reporters/write-reports.js';
import { REFERENCE } from '../../sweep/expand-variants.js';
import { holdoutFilter } from '../../sweep/holdout-split.js';
import { renderMatrixConsole } from '../../sweep/render-sweep-console.js';
import { providerAlias } from '../../sweep/run-sweep.js';
import { buildSweepMatrix, type VariantData, SEQUENTIAL_LATENCY } from '../../sweep/sweep-matrix.js';
import { readSweep, writeSweep } from '../../sweep/sweep-folder.js';
import { overridesFor } from '../../sweep/validate-variants.js';
import { loadProject } from './load-project.js';

export interface ConfirmOptions {
  config: string;
  confirm: string;
  variant?: string;
  reconfirm?: boolean;
  concurrency?: number;
  cache: boolean;
  note: (line: string) => void;
  color: boolean;
  /** The user modules' `close` exports, closed by the sweep command once both runs are done. */
  moduleClosers: ModuleClosers;
}

export async function confirmSweepVariant(options: ConfirmOptions): Promise<number> {
  const { loaded, reportsDir } = await loadProject(options.config);
  const sweep = await readSweep(reportsDir, options.confirm);
  if (!sweep.holdout)
    throw new InputError({
      code: 'SWEEP_NO_HOLDOUT',
      field: '--confirm',
      message: `sweep ${sweep.id} kept no cases aside: run the sweep with --holdout <fraction> to confirm on unseen cases`,
    });
  const chosen = sweep.variants.find((v) => v.name === options.variant);
  if (!options.variant || !chosen || chosen.name === REFERENCE)
    throw new InputError({
      code: 'SWEEP_VARIANT_UNKNOWN',
      field: '--variant',
      message: `${options.variant ? `no variant "${options.variant}" in sweep ${sweep.id}` : '--confirm needs --variant <name>'} (variants: ${sweep.variants
        .filter((v) => v.name !== REFERENCE)
        .map((v) => v.name)
        .join(', ')})`,
    });
  // The held-out cases are an honest check once. Trying variant after variant on them until one
  // wins is selection on them, so a second confirmation must be asked for, and is recorded.
  const earlier = sweep.confirmation
    ? [...(sweep.confirmation.earlier ?? []), sweep.confirmation.variant]
    : [];
  if (earlier.length > 0 && !options.reconfirm)
    throw new InputError({
      code: 'SWEEP_ALREADY_CONFIRMED',
      field: '--confirm',
      message: `sweep ${sweep.id}'s held-out cases were already used to confirm ${earlier.join(', ')}; another confirmation on them is a selection on them (pass --reconfirm to run it anyway; it is recorded)`,
    });
  const referenceHash = sweep.variants.find((v) => v.name === REFERENCE)?.configHash;
  if (referenceHash && referenceHash !== loaded.hash)
    options.note(
      `the config changed since sweep ${sweep.id} (hash ${referenceHash} → ${loaded.hash}); confirming against the config as it is now`,
    );
  const includeCase = holdoutFilter(sweep.holdout, 'holdout');
  const data: VariantData[] = [];
  const runs: string[] = [];
  for (const v of [{ name: REFERENCE, set: {} as Record<string, unknown> }, chosen]) {
    options.note(`held-out run: ${v.name}`);
    const outcome = await evaluate({
      configPath: options.config,
      env: process.env,
      suites: sweep.filters.suites,
      providers: sweep.filters.providers,
      concurrency: options.concurrency,
      useCache: options.cache,
      configOverrides: overridesFor(v.set),
      includeCase,
      moduleClosers: options.moduleClosers,
      sweep: { id: sweep.id, variant: v.name, set: v.set, cases: 'holdout' },
      onNote: (line) => options.note(`  ${line}`),
    });
    await writeReports({
      record: outcome.record,
      results: outcome.results,
      runDir: outcome.runDir,
      reportsDir: null,
      experimentLog: null,
      gateMargins: outcome.gateMargins,
      indexDir: outcome.indexDir,
    });
    runs.push(outcome.record.manifest.runId);
    data.push({
      name: v.name,
      summary: outcome.record.summary,
      results: outcome.results,
      providerAlias: providerAlias(v.set, loaded.config.providers),
      ...(outcome.record.manifest.metricDefinitions
        ? { metricDefinitions: outcome.record.manifest.metricDefinitions }
        : {}),
    });
  }
  const matrix = buildSweepMatrix({
    variants: data,
    metrics: sweep.metrics,
    confidence: sweep.confidence,
    resamples: loaded.config.gate.resamples,
    seed: sweep.seed,
    latencyUntested: SEQUENTIAL_LATENCY,
  });
  sweep.confirmation = {
    variant: chosen.name,
    runs: { reference: runs[0], variant: runs[1] },
    rows: matrix.rows,
    family: matrix.family,
    ...(earlier.length > 0 ? { earlier } : {}),
  };
  const written = await writeSweep(reportsDir, sweep);
  process.stdout.write(
    `Held-out confirmation of ${chosen.name} (${Object.values(sweep.holdout.cases).flat().length} cases the sweep did not use):\n${renderMatrixConsole(
      {
        rows: matrix.rows,
        names: [REFERENCE, chosen.name],
        pareto: [],
        family: matrix.family,
        reference: 'the reference',
        color: options.color,
      },
    )}\nsweep: ${path.relative(process.cwd(), written.markdown)}\n`,
  );
  return 0;
}
