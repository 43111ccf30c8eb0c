// Converts the markdown our own reporters write (headings, GFM tables, lists, block quotes,
// paragraphs; inline code, bold, italics, `<br>`, backslash escapes, links and chart images)
// into HTML. It is not a general markdown parser: it knows the subset we emit, and it is safe
// by construction — every character of text is HTML-escaped, only fixed tags are produced, and
// a link is kept only when its target is an in-page anchor or a plain relative path.

import { escapeHtml } from './escape-html.js';

export interface MarkdownToHtmlOptions {
  /** Replaces an image (`![alt](src)`) — the report's charts — with trusted HTML, or null to drop it. */
  image?: (src: string, alt: string) => string | null;
}

export function markdownToHtml(markdown: string, options: MarkdownToHtmlOptions = {}): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const inline = (text: string): string => renderInline(text, options);
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const id = slug(heading[2]);
      out.push(`<h${level} id="${escapeHtml(id)}">${inline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    const image = /^!\[([^\]]*)\]\(([^)\s]+)\)\s*$/.exec(line);
    if (image) {
      const html = options.image?.(image[2], image[1]);
      if (html) out.push(`<figure>${html}</figure>`);
      i++;
      continue;
    }
    if (line.startsWith('|') && i + 1 < lines.length && /^\|\s*:?-{3,}/.test(lines[i + 1])) {
      const rows: string[] = [];
      const align = splitRow(lines[i + 1]).map((c) => (c.trim().endsWith(':') ? 'right' : 'left'));
      rows.push(
        `<tr>${splitRow(line)
          .map((c) => `<th>${inline(c.trim())}</th>`)
          .join('')}</tr>`,
      );
      i += 2;
      while (i < lines.length && lines[i].startsWith('|')) {
        const cells = splitRow(lines[i]).map(
          (c, j) => `<td${align[j] === 'right' ? ' class="num"' : ''}>${inline(c.trim())}</td>`,
        );
        rows.push(`<tr>${cells.join('')}</tr>`);
        i++;
      }
      out.push(`<div class="table-wrap"><table>${rows.join('')}</table></div>`);
      continue;
    }
    if (/^\s*[-*]\s+/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*[-*]\s+/.test(lines[i])) {
        items.push(`<li>${inline(lines[i].replace(/^\s*[-*]\s+/, ''))}</li>`);
        i++;
      }
      out.push(`<ul>${items.join('')}</ul>`);
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i].startsWith('>')) {
        quoted.push(lines[i].replace(/^>\s?/, ''));
        i++;
      }
      out.push(`<blockquote>${markdownToHtml(quoted.join('\n'), options)}</blockquote>`);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6}\s|\||>|\s*[-*]\s|!\[)/.test(lines[i])) {
      paragraph.push(lines[i]);
      i++;
    }
    if (paragraph.length === 0) {
      // A line no block rule took (e.g. a lone "|"): keep it as text rather than loop forever.
      paragraph.push(lines[i]);
      i++;
    }
    out.push(`<p>${inline(paragraph.join(' '))}</p>`);
  }
  return out.join('\n');
}

/** Splits a GFM table row on pipes that are not backslash-escaped. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && body[i + 1] === '|') {
      current += '\\|';
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}

// In-page anchors and relative paths only: no scheme, and no leading `//` (protocol-relative).
const SAFE_HREF = /^(#[\w.:-]*|(?![a-z][a-z0-9+.-]*:)(?!\/\/)[\w./#-]+)$/i;

function renderInline(text: string, options: MarkdownToHtmlOptions): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest[0] === '\\' && rest.length > 1) {
      out += escapeHtml(rest[1]);
      i += 2;
      continue;
    }
    if (rest.startsWith('<br>')) {
      out += '<br>';
      i += 4;
      continue;
    }
    const fence = /^`+/.exec(rest);
    if (fence) {
      const close = rest.indexOf(fence[0], fence[0].length);
      if (close > 0) {
        const body = rest.slice(fence[0].length, close).replace(/\\\|/g, '|');
        out += `<code>${escapeHtml(body.trim() === '' ? body : body.replace(/^ (.*) $/, '$1'))}</code>`;
        i += close + fence[0].length;
        continue;
      }
    }
    if (rest.startsWith('**')) {
      const close = rest.indexOf('**', 2);
      if (close > 2) {
        out += `<strong>${renderInline(rest.slice(2, close), options)}</strong>`;
        i += close + 2;
        continue;
      }
    }
    const italic = /^_([^_\s][^_]*?)_(?![\w])/.exec(rest);
    if (italic && (i === 0 || /\W/.test(text[i - 1]))) {
      out += `<em>${renderInline(italic[1], options)}</em>`;
      i += italic[0].length;
      continue;
    }
    const link = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(rest);
    if (link) {
      const label = renderInline(link[1], options);
      out += SAFE_HREF.test(link[2]) ? `<a href="${escapeHtml(link[2])}">${label}</a>` : label;
      i += link[0].length;
      continue;
    }
    out += escapeHtml(rest[0]);
    i++;
  }
  return out;
}

/** GitHub-style heading anchors: lower case, punctuation dropped, spaces to dashes. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}
