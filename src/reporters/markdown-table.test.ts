import { describe, expect, it } from 'vitest';
import { code, escapeMarkdown, markdownTable } from './markdown-table.js';

describe('escapeMarkdown', () => {
  it('escapes pipes and markup and turns newlines into <br>', () => {
    expect(escapeMarkdown('a | b\nc\r\nd *e* _f_ [g](h) <i> `j` ~k~ \\')).toBe(
      'a \\| b<br>c<br>d \\*e\\* \\_f\\_ \\[g\\](h) \\<i\\> \\`j\\` \\~k\\~ \\\\',
    );
  });
});

describe('code', () => {
  it('fences around backticks and escapes pipes for table cells', () => {
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('x `y` z')).toBe('``x `y` z``');
    expect(code('`edge')).toBe('`` `edge ``');
  });
});

describe('markdownTable', () => {
  it('aligns columns and keeps rows on one line', () => {
    expect(
      markdownTable(
        ['A', 'B'],
        [
          ['1', 'two\nlines'],
          ['', '3'],
        ],
        ['left', 'right'],
      ),
    ).toBe(['| A | B |', '| --- | ---: |', '| 1 | two<br>lines |', '|   | 3 |'].join('\n'));
  });
});
