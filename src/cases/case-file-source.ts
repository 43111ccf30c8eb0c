// A suite's cases as a source that is read again from disk each time it is iterated, instead of
// an array held for the whole run: at 100,000 cases the parsed cases alone were ~36 MB of live
// heap, and V8 sizes the heap at a multiple of what is live. `scanCaseFile` reads the file once
// up front (every input error surfaces before the first model call, as before) and keeps only
// the per-case content hashes; iterating `variants` then parses one line at a time and checks
// each case against its hash before yielding it.
import type { BiasConfig } from '../config/schema.js';
import { InputError } from '../core/errors.js';
import { hashValue } from '../core/hash.js';
import { readLinesSync, type TextLine } from '../core/read-lines-sync.js';
import { CaseHashList, lineHash } from './case-hash-list.js';
import { caseHashesJson } from './case-hashes-json.js';
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
  const parse = createCaseParser(options);
  const expand = counterfactualExpander(options.bias, displayPath);
  // Not an object keyed by case id: that internalizes every id (see case-hashes-json.ts).
  const caseHashes = caseHashesJson();
  const ordered = new CaseHashList();
  let length = 0;
  for (const { text, lineNo } of readCaseLines(file, displayPath)) {
    const evalCase = parse(text, lineNo);
    if (!evalCase) continue;
    const variants = expand(evalCase);
    options.visit?.(evalCase, variants);
    // Hash the parsed case, not its line: reformatting the file is not an edit of the case.
    const hash = hashValue(evalCase).slice(0, 12);
    caseHashes.add(evalCase.id, hash);
    ordered.push(lineHash(lineNo, text), hash);
    length += variants.length;
  }
  if (length === 0) throw noCasesError(displayPath);
  return {
    caseHashesJson: caseHashes.text(),
    variants: {
      length,
      *[Symbol.iterator]() {
        // Every case is checked against the hash the scan recorded (the run's fingerprint) before
        // it is yielded, so an edit stops the run before the changed case reaches a model, while
        // a touch, a byte-identical rewrite or an atomic save of the same cases passes. Content,
        // not size and mtime: those change without an edit and can stay the same across one.
        const again = createCaseParser(options, { uniqueIds: false });
        let ordinal = 0;
        for (const { text, lineNo } of readCaseLines(file, displayPath)) {
          let evalCase: EvalCase | null;
          try {
            evalCase = again(text, lineNo);
          } catch {
            // The scan parsed every line: a line that no longer parses was edited.
            throw changedError(displayPath, lineNo);
          }
          if (!evalCase) continue;
          const same =
            ordinal < ordered.length &&
            (ordered.sameLine(ordinal, lineHash(lineNo, text)) ||
              ordered.sameCase(ordinal, hashValue(evalCase)));
          if (!same) throw changedError(displayPath, lineNo, evalCase.id);
          ordinal++;
          yield* expand(evalCase);
        }
        if (ordinal !== ordered.length) throw changedError(displayPath);
      },
    },
  };
}

/** The file's lines; a file gone (deleted, replaced by a folder) is CASES_NOT_FOUND, not a stack trace. */
function* readCaseLines(file: string, displayPath: string): Generator<TextLine, void, undefined> {
  try {
    yield* readLinesSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') throw casesNotFoundError(displayPath);
    throw error;
  }
}

function changedError(displayPath: string, line?: number, caseId?: string): InputError {
  const what =
    caseId !== undefined
      ? `case "${caseId}" is not the case the run started with; the run stopped before sending it`
      : line !== undefined
        ? 'this line no longer parses as it did when the run started; the run stopped there'
        : 'the file has fewer cases than when the run started';
  return new InputError({
    code: 'CASES_CHANGED',
    file: displayPath,
    line,
    message: `${what} (the file was edited during the run)`,
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
