// Last line of defence against leaking keys: replaces the values of secret-looking environment
// variables (and key-shaped tokens) in any text the tool prints or writes.
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD)/i;
const KEY_SHAPE = /\b(sk-(?:ant-)?[A-Za-z0-9_-]{12,})\b/g;

export function redactSecrets(text: string, env: Readonly<Record<string, string | undefined>>): string {
  let out = text;
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 8 && SECRET_NAME.test(name)) out = out.split(value).join('[redacted]');
  }
  return out.replace(KEY_SHAPE, '[redacted]');
}

/** A URL safe to record: credentials and query string removed, secret env values redacted. */
export function redactUrl(url: string, env: Readonly<Record<string, string | undefined>>): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return redactSecrets(parsed.toString(), env);
  } catch {
    return redactSecrets(url.replace(/\/\/[^/@]*@/, '//'), env);
  }
}
