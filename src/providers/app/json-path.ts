// Reads a value out of a JSON reply by a JSONPath subset: `$`, `.name`, `['name']`, `[n]` and
// `[*]` (which maps the rest of the path over an array). Enough for mapping a service's reply;
// filters and recursive descent are left out on purpose (a mapping should name one place).

type Step = { key: string } | { index: number } | { all: true };

const STEP = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[(\*)\]|\['([^']+)'\]/y;
const compiled = new Map<string, Step[]>();

/** Parses once per path; the config schema has already checked the syntax. */
export function compileJsonPath(path: string): Step[] {
  const hit = compiled.get(path);
  if (hit) return hit;
  if (!path.startsWith('$')) throw new Error(`JSON path must start with "$": ${path}`);
  const steps: Step[] = [];
  STEP.lastIndex = 1;
  while (STEP.lastIndex < path.length) {
    const at = STEP.lastIndex;
    const m = STEP.exec(path);
    if (!m) throw new Error(`bad JSON path at character ${at + 1}: ${path}`);
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ all: true });
    else steps.push({ key: m[4] });
  }
  compiled.set(path, steps);
  return steps;
}

/** The value at `path`, or undefined when any step is missing. */
export function readJsonPath(value: unknown, path: string): unknown {
  return walk(value, compileJsonPath(path), 0);
}

function walk(value: unknown, steps: Step[], from: number): unknown {
  let current = value;
  for (let i = from; i < steps.length; i++) {
    if (current === null || current === undefined) return undefined;
    const step = steps[i];
    if ('all' in step) {
      if (!Array.isArray(current)) return undefined;
      return current.map((item) => walk(item, steps, i + 1));
    }
    if ('index' in step) {
      if (!Array.isArray(current)) return undefined;
      current = current[step.index];
    } else {
      if (typeof current !== 'object' || Array.isArray(current)) return undefined;
      current = Object.hasOwn(current, step.key) ? (current as Record<string, unknown>)[step.key] : undefined;
    }
  }
  return current;
}
