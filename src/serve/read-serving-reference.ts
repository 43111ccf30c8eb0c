// Reads the `serving` section of the accepted baseline (null when the baseline or the section
// is missing), validated, so serve and monitor read it the same way.
import { InputError } from '../core/errors.js';
import { readBaseline } from '../run/baseline.js';
import { ServingReferenceSchema, type ServingReference } from './serving-reference.js';

export async function readServingReference(
  file: string,
  displayPath: string,
): Promise<{ reference: ServingReference | null; runId: string | null }> {
  const baseline = await readBaseline(file, displayPath);
  const raw = (baseline as { serving?: unknown } | null)?.serving;
  if (raw === undefined) return { reference: null, runId: baseline?.runId ?? null };
  const parsed = ServingReferenceSchema.safeParse(raw);
  if (parsed.success) return { reference: parsed.data, runId: baseline?.runId ?? null };
  const issue = parsed.error.issues[0];
  throw new InputError({
    code: 'BASELINE_INVALID',
    file: displayPath,
    field: ['serving', ...issue.path].join('.'),
    message: `${issue.message} (re-create it with \`evalgate baseline accept\`)`,
  });
}
