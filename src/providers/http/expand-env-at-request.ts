// `${NAME}` in an http provider's URL and headers, expanded only when a request is made: the
// config (and its hash) keeps the template, so a token never enters a file evalgate writes and
// rotating it is not a config change. The values found are returned too, so error text that
// might echo them (a server repeating the Authorization header) can be scrubbed.

const ENV_REF = /\$\{([A-Z_][A-Z0-9_]*)\}/g;

export function envNamesIn(values: readonly string[]): string[] {
  const names = new Set<string>();
  for (const v of values) for (const m of v.matchAll(ENV_REF)) names.add(m[1]);
  return [...names];
}

export function expandEnvAtRequest(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
): string {
  if (!value.includes('${')) return value;
  return value.replace(ENV_REF, (_m, name: string) => {
    const resolved = env[name] ?? '';
    if (resolved) secrets.add(resolved);
    return resolved;
  });
}
