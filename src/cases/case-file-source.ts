// A suite's cases as a source that is read again from disk each time it is iterated, instead of
// an array held for the whole run: at 100,000 cases the parsed cases alone were ~36 MB of live
// heap, and V8 sizes the heap at a multiple of what is live. `scanCaseFile` reads the file once
// up front (every input error surfaces before the first model call, as before) and keeps only
// the per-case content hashes; iterating `variants` then parses one line at a time.
import { statSync } from 'node:fs';
import type { BiasConfig } from '../config/schema.js';
import { InputError } from '../core/errors.js';
import { hashValue } from '../core/hash.js';
import { readLinesSync } from '../core/read-lines-sync.js';
import type { EvalCase } from './eval-case.js';
import { type CaseVariant, counterfactualExpander } from './expand-counterfactuals.js';
import { casesNotFoundError, createCaseParser, type LoadCasesOptions, noCasesError } from './load-cases.js';

/** A suite's case variants in file order: an array, or a file read again on every pass. */
export interface CaseVariants extends Iterable<CaseVariant> {
  /** How many variants one pass yields. */
  readonly length: number;
}

export interface ScanCaseFileOptions extends LoadCasesOptions {
  bias: BiasConfig;
  /** Sees each case and its variants once, during the scan (checks that need the whole case). */
  visit?: (evalCase: EvalCase, variants: readonly CaseVariant[]) => void;
}

export interface ScannedCaseFile {
  variants: CaseVariants;
  /**
   * Gold case id → content hash of the parsed case (12 hex digits), as the JSON text of that
   * object: one flat string instead of 100,000 keys and values held for the whole run.
   */
  caseHashesJson: string;
}

export function scanCaseFile(options: ScanCaseFileOptions): ScannedCaseFile {
  const { file, displayPath } = options;
  const before = fileStamp(file, displayPath);
  const parse = createCaseParser(options);
  const expand = counterfactualExpander(options.bias, displayPath);
  const caseHashes: Record<string, string> = {};
  let length = 0;
  for (const { text, lineNo } of readLinesSync(file)) {
    const evalCase = parse(text, lineNo);
    if (!evalCase) continue;
    const variants = expand(evalCase);
    options.visit?.(evalCase, variants);
    // Hash the parsed case, not its line: reformatting the file is not an edit of the case.
    caseHashes[evalCase.id] = hashValue(evalCase).slice(0, 12);
    length += variants.length;
  }
  if (length === 0) throw noCasesError(displayPath);
  const stamp = fileStamp(file, displayPath);
  if (stamp !== before) throw changedError(displayPath);
  return {
    caseHashesJson: JSON.stringify(caseHashes),
    variants: {
      length,
      *[Symbol.iterator]() {
        // The cases were checked (and hashed into the run's fingerprint) when scanned: a file
        // edited since would run cases other than the ones the run records.
        if (fileStamp(file, displayPath) !== stamp) throw changedError(displayPath);
        const again = createCaseParser(options, { uniqueIds: false });
        let yielded = 0;
        for (const { text, lineNo } of readLinesSync(file)) {
          const evalCase = again(text, lineNo);
          if (!evalCase) continue;
          for (const variant of expand(evalCase)) {
            yielded++;
            yield variant;
          }
        }
        // Checked again at the end: a file rewritten during the pass ran cases the scan never saw.
        if (yielded !== length || fileStamp(file, displayPath) !== stamp) throw changedError(displayPath);
      },
    },
  };
}

/** Size and modification time: enough to tell that the file was rewritten between passes. */
function fileStamp(file: string, displayPath: string): string {
  let stamp: string | null = null;
  try {
    const s = statSync(file, { bigint: true });
    if (s.isFile()) stamp = `${s.size}:${s.mtimeNs}`;
  } catch {
    /* reported below */
  }
  if (stamp === null) throw casesNotFoundError(displayPath);
  return stamp;
}

function changedError(displayPath: string): InputError {
  return new InputError({
    code: 'CASES_CHANGED',
    file: displayPath,
    message: 'the file changed while the run was reading it; run again once it is written',
  });
}

/**
 * The variants `keep` accepts, still read lazily; one counting pass sets `length` (a sweep's
 * holdout split, which is decided per base case id).
 */
export function filterCaseVariants(
  variants: CaseVariants,
  keep: (variant: CaseVariant) => boolean,
): CaseVariants {
  let length = 0;
  for (const v of variants) if (keep(v)) length++;
  return {
    length,
    *[Symbol.iterator]() {
      for (const v of variants) if (keep(v)) yield v;
    },
  };
}
