import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownTable } from '../reporters/markdown-table.js';
import { markdownToHtml } from './markdown-to-html.js';

describe('markdownToHtml', () => {
  it('renders the report subset: headings, tables with escaped pipes, lists, quotes, inline marks', () => {
    const md = [
      '# Title',
      '> **Ready** · run `abc`',
      '',
      '## Performance Metrics',
      markdownTable(
        ['Metric', 'Value'],
        [
          ['answer.f1', '0.50'],
          [escapeMarkdown('a | b\nc'), '1'],
        ],
        ['left', 'right'],
      ),
      '',
      '- one _two_',
      '- three',
    ].join('\n');
    expect(markdownToHtml(md)).toBe(
      [
        '<h1 id="title">Title</h1>',
        '<blockquote><p><strong>Ready</strong> · run <code>abc</code></p></blockquote>',
        '<h2 id="performance-metrics">Performance Metrics</h2>',
        '<div class="table-wrap"><table><tr><th>Metric</th><th>Value</th></tr><tr><td>answer.f1</td><td class="num">0.50</td></tr><tr><td>a | b<br>c</td><td class="num">1</td></tr></table></div>',
        '<ul><li>one <em>two</em></li><li>three</li></ul>',
      ].join('\n'),
    );
  });

  it('never lets quoted text become markup, escaped or not', () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))';
    const html = markdownToHtml(`A ${escapeMarkdown(hostile)}\n\nB ${hostile}`);
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps only in-page and relative links', () => {
    expect(
      markdownToHtml(
        '[a](#bias-audit-results) [b](runs/x/report.md) [c](data:text/html,x) [d](https://e.test)',
      ),
    ).toBe('<p><a href="#bias-audit-results">a</a> <a href="runs/x/report.md">b</a> c d</p>');
  });

  it('hands images to the caller and drops them when it declines', () => {
    const md = '## S\n\n![Chart](charts/a.svg)\n\n![x](javascript:alert(1))';
    const html = markdownToHtml(md, { image: (src) => (src === 'charts/a.svg' ? '<svg></svg>' : null) });
    expect(html.startsWith('<h2 id="s">S</h2>\n<figure><svg></svg></figure>')).toBe(true);
    expect(html).not.toMatch(/href|<img/);
  });
});
