// GitHub-flavoured markdown building blocks shared by every markdown reporter, so escaping
// rules live in one place: a stray pipe or newline in a quoted model answer must never
// break a table, and user text must never turn into markup.

export type Align = 'left' | 'right' | 'center';

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~]/g;
const NEWLINES = /\r\n|\r|\n/g;

/**
 * Escapes text quoted from inputs, outputs or config so it renders literally, inline or in a
 * table cell. Newlines become `<br>` because a raw newline ends a table row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
    .replace(/\t/g, ' ')
    .replace(NEWLINES, '<br>');
}

/**
 * An inline code span that is safe inside a table cell: the fence outgrows any backtick run
 * in the text, and pipes are escaped because GFM splits cells before it parses code spans.
 */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const body = text.replace(NEWLINES, ' ').replace(/\|/g, '\\|');
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A table from cells that are already markdown (escape user text with `escapeMarkdown` first).
 * Raw newlines are still turned into `<br>` as a last line of defence for the row structure.
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const cell = (text: string): string =>
    text.replace(NEWLINES, '<br>').trim() === '' ? ' ' : text.replace(NEWLINES, '<br>');
  const line = (cells: readonly string[]): string =>
    `| ${headers.map((_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
  const rule = headers.map((_, i) => {
    switch (align[i]) {
      case 'right':
        return '---:';
      case 'center':
        return ':---:';
      default:
        return '---';
    }
  });
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A bullet list; an empty list renders as nothing so callers can fall back to a sentence. */
export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}
