// Escaping for the HTML report: text into element content or quoted attributes, and JSON into a
// `<script type="application/json">` block, where `</script>` or `<!--` inside a string would
// otherwise end or corrupt the block.

const HTML_SPECIAL: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_SPECIAL[ch]);
}

/** JSON that is inert inside a script element: `<`, `>`, `&` and the JS line separators as \u escapes. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
