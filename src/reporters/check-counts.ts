// The gate's checks counted once each (blocking, warned, waived, passed, not assessed), shared by
// the report header, the console gate line and the GitHub summary so they never disagree.
import type { RunRecord } from '../run/types.js';

/** Every check counted once, failed ones first: a header never says less than the sections below. */
export function checkCounts(gate: RunRecord['gate']): string[] {
  const failed = gate.failures.length + gate.warnings.length + gate.waived.length;
  const parts = [failed === 0 ? 'no failed checks' : `${failed} failed ${failed === 1 ? 'check' : 'checks'}`];
  const detail = [
    gate.failures.length > 0 && `${gate.failures.length} blocking`,
    gate.warnings.length > 0 && `${gate.warnings.length} warned`,
    gate.waived.length > 0 && `${gate.waived.length} waived`,
  ].filter(Boolean);
  if (detail.length > 0 && failed > 0) parts[0] += ` (${detail.join(', ')})`;
  parts.push(`${gate.passedChecks} passed`);
  if (gate.notAssessed.length > 0) parts.push(`${gate.notAssessed.length} not assessed`);
  return parts;
}
