// Whether and at what threshold a report marks a run's unsupported answer sentences. The marks
// come from re-running today's offline check, so a run another check version scored is not
// marked (its own results would disagree with them), and the report says why.
import type { RunManifest } from '../run/run-manifest.js';
import { scoredCheckVersion } from '../scorers/hallucination/check-version.js';
import { CHECK_VERSION } from '../scorers/hallucination/support-model.js';

export interface UnsupportedMarking {
  markUnsupported: boolean;
  hallucinationThreshold?: number;
  /** A line for the page when the run is not marked. */
  note: string | null;
}

export function unsupportedMarking(
  manifest: Pick<RunManifest, 'metricDefinitions' | 'hallucinationThreshold'>,
): UnsupportedMarking {
  const sameCheck = scoredCheckVersion(manifest.metricDefinitions) === CHECK_VERSION;
  return {
    markUnsupported: sameCheck,
    hallucinationThreshold: manifest.hallucinationThreshold,
    note: sameCheck
      ? null
      : 'Answer sentences are not marked unsupported: another version of the offline check scored this run.',
  };
}
