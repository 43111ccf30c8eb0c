// Reads a sweep from YAML: the `sweep:` grid (config path → list of values) and the named
// `sweep_variants: [{name, set: {path: value}}]`, from the config itself or from a separate
// file (`--file`). Keeps each path's line so a bad path or value is reported where it is written.
import { LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { lineOf } from '../config/load-config.js';
import { InputError } from '../core/errors.js';
import { ConfigPathError, parseConfigPath } from './config-path.js';

export interface SweepAxis {
  path: string;
  values: unknown[];
  line?: number;
}

export interface NamedVariantSpec {
  name: string;
  set: Record<string, unknown>;
  /** Line of each path under `set`. */
  lines: Record<string, number | undefined>;
  line?: number;
}

export interface SweepSpec {
  /** The file the sweep was read from, as shown in messages. */
  file: string;
  grid: SweepAxis[];
  variants: NamedVariantSpec[];
}

const VARIANT_NAME = /^[A-Za-z0-9][\w.=,@+-]*$/;

const SweepFileSchema = z.looseObject({
  sweep: z.record(z.string(), z.array(z.unknown()).min(1, 'expected at least one value')).optional(),
  sweep_variants: z
    .array(
      z.strictObject({
        name: z.string().regex(VARIANT_NAME, 'expected letters, digits and . = , @ + - _ (no spaces)'),
        set: z
          .record(z.string(), z.unknown())
          .refine((s) => Object.keys(s).length > 0, 'expected at least one path'),
      }),
    )
    .optional(),
});

export function parseSweepSpec(text: string, file: string): SweepSpec {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0)
    throw new InputError({
      code: 'SWEEP_YAML',
      file,
      line: counter.linePos(doc.errors[0].pos[0]).line,
      message: `invalid YAML: ${doc.errors[0].message.split('\n')[0]}`,
    });
  const lineAt = (p: string[]): number | undefined => lineOf(doc.contents as Node | null, p, counter);
  const parsed = SweepFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const p = issue.path.map(String);
    throw new InputError({
      code: 'SWEEP_INVALID',
      file,
      line: lineAt(p),
      field: p.join('.') || '(root)',
      message: issue.message,
    });
  }
  const grid: SweepAxis[] = Object.entries(parsed.data.sweep ?? {}).map(([path, values]) => ({
    path,
    values,
    line: lineAt(['sweep', path]),
  }));
  const variants: NamedVariantSpec[] = (parsed.data.sweep_variants ?? []).map((v, i) => ({
    name: v.name,
    set: v.set,
    line: lineAt(['sweep_variants', String(i), 'name']),
    lines: Object.fromEntries(
      Object.keys(v.set).map((p) => [p, lineAt(['sweep_variants', String(i), 'set', p])]),
    ),
  }));
  if (grid.length === 0 && variants.length === 0)
    throw new InputError({
      code: 'SWEEP_EMPTY',
      file,
      field: 'sweep',
      message: 'no sweep: block (config path → list of values) and no sweep_variants',
    });
  // Paths must at least parse here; whether the config has them is checked against the schema.
  const checkPath = (path: string, line: number | undefined, field: string): void => {
    try {
      parseConfigPath(path);
    } catch (error) {
      if (error instanceof ConfigPathError)
        throw new InputError({ code: 'SWEEP_PATH', file, line, field, message: error.message });
      throw error;
    }
  };
  for (const axis of grid) {
    checkPath(axis.path, axis.line, `sweep.${axis.path}`);
    const seen = new Set<string>();
    for (const value of axis.values) {
      const key = JSON.stringify(value);
      if (seen.has(key))
        throw new InputError({
          code: 'SWEEP_INVALID',
          file,
          line: axis.line,
          field: `sweep.${axis.path}`,
          message: `value ${key} is listed twice`,
        });
      seen.add(key);
    }
  }
  const names = new Set<string>();
  for (const v of variants) {
    if (names.has(v.name) || v.name === 'reference')
      throw new InputError({
        code: 'SWEEP_INVALID',
        file,
        line: v.line,
        field: 'sweep_variants.name',
        message:
          v.name === 'reference'
            ? '"reference" names the current config'
            : `duplicate variant name "${v.name}"`,
      });
    names.add(v.name);
    for (const path of Object.keys(v.set))
      checkPath(path, v.lines[path], `sweep_variants.${v.name}.set.${path}`);
  }
  return { file, grid, variants };
}
