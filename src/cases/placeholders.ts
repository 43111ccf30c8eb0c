// `{{name}}`-style placeholders in case text: the hooks the counterfactual bias audit fills in.
const PLACEHOLDER = /\{\{\s*([a-zA-Z_]\w*)\s*\}\}/g;

export function findPlaceholders(texts: (string | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(PLACEHOLDER)) found.add(m[1]);
  }
  return [...found].sort();
}

export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
