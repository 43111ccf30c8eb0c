/// <reference lib="dom" />
// The HTML report's script. It runs in the browser: the writer inlines `clientMain.toString()`,
// so this function must not refer to anything outside itself. It reads the case data from the
// page's JSON blocks, builds the filter bar, renders only the table rows in view (a page may
// hold 100,000 cases) and fills the drill-down. Every piece of data reaches the DOM through
// textContent or attribute setters, never as markup, so case text cannot run.

// Types only: erased at compile time, so the inlined function text still refers to nothing.
import type { CaseRow, PageChunk, PageMeta } from './page-data.js';

/** The compact row written by page-data.ts (see CaseRow there for each key). */
type Row = CaseRow;
/** The compare page adds a label for its baseline side. */
type Meta = PageMeta & { baselineLabel?: string };
type Chunk = PageChunk;

export function clientMain(): void {
  const started = performance.now();
  const readJson = <T>(id: string): T => JSON.parse(document.getElementById(id)?.textContent ?? 'null') as T;
  const meta = readJson<Meta>('evalgate-meta');
  const chunks = readJson<Chunk[]>('evalgate-chunks');
  // Rows arrive packed in two parts (see pack-row.ts): the index (id, suite, provider, status,
  // question, tags, change) as JSON, and the rest gzip-compressed, decoded after first paint.
  const fromMilli = (values: (number | null)[] | undefined): (number | null)[] | undefined =>
    values?.map((v) => (v === null ? null : v / 1000));
  const index = readJson<unknown[][]>('evalgate-cases');
  const total = index.length;
  let details: unknown[][] | null = null;
  const rowAt = (i: number): Row => {
    const a = index[i];
    const d = details?.[i] ?? [null, 0, []];
    const extra = (d[8] || {}) as Partial<Row>;
    return {
      id: a[0] as string,
      s: a[1] as number,
      p: a[2] as number,
      st: a[3] as Row['st'],
      q: a[4] as string,
      t: (a[5] || undefined) as number[] | undefined,
      ch: (a[6] || undefined) as Row['ch'],
      o: d[0] as string | null,
      m: d[1] as number,
      v: fromMilli(d[2] as (number | null)[]) ?? [],
      x: (d[3] || undefined) as string | undefined,
      lat: (d[4] ?? undefined) as number | undefined,
      rc: (d[5] || undefined) as number[] | undefined,
      cs: (d[6] || undefined) as string | undefined,
      rl: (d[7] || undefined) as number[] | undefined,
      ...extra,
      bv: fromMilli(extra.bv),
    };
  };
  const baseLabel = meta.baselineLabel ?? 'baseline';
  const ROW_HEIGHT = 28;

  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    ...children: (Node | string | null)[]
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const c of children) if (c !== null) node.append(c);
    return node;
  }
  const STATUS: Record<Row['st'], string> = { p: 'pass', f: 'fail', n: 'n/a' };
  const CHANGE: Record<NonNullable<Row['ch']>, string> = {
    r: 'regressed',
    i: 'improved',
    m: 'mixed',
    u: 'unchanged',
    n: 'new',
  };
  const statusOf = (r: Row): string => STATUS[r.st];
  const changeOf = (r: Row): string => (r.ch ? CHANGE[r.ch] : 'n/a');
  /** A row's value for a metric, through its layout; `base` reads the baseline's values. */
  const scoreOf = (r: Row, metric: number, base = false): number | null => {
    const at = meta.layouts[r.m]?.indexOf(metric) ?? -1;
    const values = base ? r.bv : r.v;
    return at < 0 || !values ? null : (values[at] ?? null);
  };
  const fmt = (v: number | null, digits = 3): string =>
    v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(digits);

  // ---------- filter bar ----------
  const select = (name: string, label: string, options: [string, string][]): HTMLSelectElement => {
    const node = el('select', { name, 'aria-label': label });
    for (const [value, text] of options) node.append(el('option', { value }, text));
    return node;
  };
  const indexed = (list: string[]): [string, string][] => list.map((v, i) => [String(i), v]);
  const fSuite = select('suite', 'Suite', [['', 'all suites'], ...indexed(meta.suites)]);
  const fProvider = select('provider', 'Provider', [['', 'all providers'], ...indexed(meta.providers)]);
  const fStatus = select('status', 'Pass or fail', [
    ['', 'pass and fail'],
    ['pass', 'pass'],
    ['fail', 'fail'],
    ['n/a', 'not assessed'],
  ]);
  const fTag = select('tag', 'Tag', [['', 'any tag'], ...indexed(meta.tags)]);
  const fChange = select('change', `Change vs ${baseLabel}`, [
    ['', `any change vs ${baseLabel}`],
    ['regressed', 'regressed'],
    ['improved', 'improved'],
    ['mixed', 'mixed'],
    ['unchanged', 'unchanged'],
    ['new', `not in ${baseLabel}`],
  ]);
  const fMetric = select('metric', 'Metric', indexed(meta.metrics));
  const fMin = el('input', {
    name: 'min',
    type: 'number',
    step: 'any',
    placeholder: 'min',
    'aria-label': 'Metric minimum',
  });
  const fMax = el('input', {
    name: 'max',
    type: 'number',
    step: 'any',
    placeholder: 'max',
    'aria-label': 'Metric maximum',
  });
  const fText = el('input', {
    name: 'q',
    type: 'search',
    placeholder: 'search id or question',
    'aria-label': 'Search',
  });
  const count = el('span', { class: 'count', 'aria-live': 'polite' });
  const bar = el(
    'div',
    { class: 'filters' },
    fSuite,
    fProvider,
    fStatus,
    fTag,
    fChange,
    fMetric,
    fMin,
    fMax,
    fText,
    count,
  );

  // ---------- table ----------
  type SortKey = 'none' | 'id' | 'suite' | 'provider' | 'status' | 'change' | 'metric' | 'latency';
  const columns: [SortKey, string][] = [
    ['id', 'Case'],
    ['suite', 'Suite'],
    ['provider', 'Provider'],
    ['status', 'Result'],
    ['change', `vs ${baseLabel}`],
    ['metric', 'Metric'],
    ['latency', 'ms'],
  ];
  // File order first (suite, then case): no sort to pay for before the first paint.
  let sortKey: SortKey = 'none';
  let sortDir = 1;
  const head = el('div', { class: 'thead', role: 'row' });
  const headCells = new Map<SortKey, HTMLButtonElement>();
  for (const [key, label] of columns) {
    const button = el('button', { type: 'button', class: `c-${key}`, 'data-sort': key }, label);
    button.addEventListener('click', () => {
      sortDir = sortKey === key ? -sortDir : 1;
      sortKey = key;
      apply();
    });
    headCells.set(key, button);
    head.append(button);
  }
  const questionHead = el('span', { class: 'c-question' }, 'Question');
  head.append(questionHead);
  const spacer = el('div', { class: 'spacer' });
  const viewport = el('div', { class: 'viewport', role: 'rowgroup', tabindex: '0' }, spacer);
  const table = el('div', { class: 'cases-table', role: 'table', 'aria-label': 'Cases' }, head, viewport);
  const detail = el(
    'div',
    { class: 'detail', id: 'case-detail', 'aria-live': 'polite' },
    'Select a case to see its details.',
  );

  let view: number[] = index.map((_, i) => i);
  let selected = -1;

  function metricValue(i: number): number | null {
    return scoreOf(rowAt(i), Number(fMetric.value));
  }

  function apply(): void {
    const suite = fSuite.value === '' ? -1 : Number(fSuite.value);
    const provider = fProvider.value === '' ? -1 : Number(fProvider.value);
    const tag = fTag.value === '' ? -1 : Number(fTag.value);
    const metric = Number(fMetric.value);
    const min = fMin.value === '' ? null : Number(fMin.value);
    const max = fMax.value === '' ? null : Number(fMax.value);
    const text = fText.value.trim().toLowerCase();
    const next: number[] = [];
    // The filters read the packed index directly: no object per row on a 100,000-row pass.
    for (let i = 0; i < total; i++) {
      const a = index[i];
      if (suite >= 0 && a[1] !== suite) continue;
      if (provider >= 0 && a[2] !== provider) continue;
      if (fStatus.value && STATUS[a[3] as Row['st']] !== fStatus.value) continue;
      if (tag >= 0 && !((a[5] || []) as number[]).includes(tag)) continue;
      if (fChange.value && (a[6] ? CHANGE[a[6] as NonNullable<Row['ch']>] : 'n/a') !== fChange.value)
        continue;
      if (min !== null || max !== null) {
        const v = scoreOf(rowAt(i), metric);
        if (v === null || (min !== null && v < min) || (max !== null && v > max)) continue;
      }
      if (text && !String(a[0]).toLowerCase().includes(text) && !String(a[4]).toLowerCase().includes(text))
        continue;
      next.push(i);
    }
    const key = (i: number): string | number => {
      const r = rowAt(i);
      switch (sortKey) {
        case 'suite':
          return meta.suites[r.s];
        case 'provider':
          return meta.providers[r.p];
        case 'status':
          return statusOf(r);
        case 'change':
          return changeOf(r);
        case 'metric':
          return metricValue(i) ?? Number.NEGATIVE_INFINITY;
        case 'latency':
          return r.lat ?? Number.NEGATIVE_INFINITY;
        default:
          return r.id;
      }
    };
    if (sortKey !== 'none') {
      // Keys once per row, not once per comparison.
      const keys = new Map(next.map((i) => [i, key(i)]));
      next.sort((a, b) => {
        const ka = keys.get(a) as string | number;
        const kb = keys.get(b) as string | number;
        return (ka < kb ? -1 : ka > kb ? 1 : a - b) * sortDir;
      });
    }
    view = next;
    headCells.get('metric')?.replaceChildren(meta.metrics[metric] ?? 'Metric');
    for (const [k, button] of headCells) {
      button.setAttribute('aria-sort', k === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
    }
    count.textContent = `${view.length} of ${total} cases`;
    spacer.style.height = `${view.length * ROW_HEIGHT}px`;
    viewport.scrollTop = 0;
    renderRows();
  }

  const rendered: HTMLElement[] = [];
  function renderRows(): void {
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - 5);
    const last = Math.min(view.length, first + Math.ceil(viewport.clientHeight / ROW_HEIGHT) + 10);
    for (const node of rendered) node.remove();
    rendered.length = 0;
    const metric = Number(fMetric.value);
    for (let pos = first; pos < last; pos++) {
      const i = view[pos];
      const r = rowAt(i);
      const line = el(
        'div',
        {
          class: `row st-${r.st}${i === selected ? ' selected' : ''}`,
          role: 'row',
          'data-case': String(i),
        },
        el('span', { class: 'c-id' }, r.id),
        el('span', { class: 'c-suite' }, meta.suites[r.s]),
        el('span', { class: 'c-provider' }, meta.providers[r.p]),
        el('span', { class: 'c-status' }, statusOf(r)),
        el('span', { class: `c-change ch-${r.ch ?? 'na'}` }, changeOf(r)),
        el('span', { class: 'c-metric num' }, fmt(scoreOf(r, metric))),
        el('span', { class: 'c-latency num' }, fmt(r.lat ?? null, 1)),
        el('span', { class: 'c-question' }, r.q),
      );
      line.style.top = `${pos * ROW_HEIGHT}px`;
      rendered.push(line);
      viewport.append(line);
    }
  }
  viewport.addEventListener('scroll', () => requestAnimationFrame(renderRows));
  viewport.addEventListener('click', (event) => {
    const line = (event.target as HTMLElement).closest('.row');
    if (line) showCase(Number(line.getAttribute('data-case')));
  });
  for (const control of [fSuite, fProvider, fStatus, fTag, fChange, fMetric])
    control.addEventListener('change', apply);
  for (const control of [fMin, fMax, fText]) control.addEventListener('input', apply);

  // ---------- drill-down ----------
  const CITATION = /\[\s*([^[\]\s,;]+#\d+(?:\s*[,;]\s*[^[\]\s,;]+#\d+)*)\s*\]/g;
  const chunkAnchor = (index: number): string => `chunk-${index}`;
  const chunkByName = new Map(chunks.map((c, i) => [c.id, i]));

  /** The answer with unsupported sentences marked and citation markers linked to their chunks. */
  function answerBlock(text: string | null | undefined, unsupported: string[] = []): HTMLElement {
    const block = el('div', { class: 'answer' });
    if (text === null || text === undefined) {
      block.append(el('em', {}, 'no output'));
      return block;
    }
    const marks: [number, number][] = [];
    for (const sentence of unsupported) {
      const at = text.indexOf(sentence);
      if (at >= 0) marks.push([at, at + sentence.length]);
    }
    marks.sort((a, b) => a[0] - b[0]);
    let pos = 0;
    const appendText = (target: HTMLElement, piece: string): void => {
      let last = 0;
      for (const match of piece.matchAll(CITATION)) {
        target.append(piece.slice(last, match.index));
        target.append('[');
        match[1].split(/\s*[,;]\s*/).forEach((id, k) => {
          if (k > 0) target.append(', ');
          const index = chunkByName.get(id);
          target.append(
            index === undefined ? id : el('a', { href: `#${chunkAnchor(index)}`, class: 'cite' }, id),
          );
        });
        target.append(']');
        last = (match.index ?? 0) + match[0].length;
      }
      target.append(piece.slice(last));
    };
    for (const [start, end] of marks) {
      if (start < pos) continue;
      appendText(block, text.slice(pos, start));
      const mark = el('mark', {
        class: 'unsupported',
        title: 'the offline check finds something against this sentence in the passages given to the model',
      });
      appendText(mark, text.slice(start, end));
      block.append(mark);
      pos = end;
    }
    appendText(block, text.slice(pos));
    return block;
  }

  function scoresTable(r: Row): HTMLElement {
    const body = el('tbody');
    for (const m of [...meta.layouts[r.m]].sort((a, b) => (meta.metrics[a] < meta.metrics[b] ? -1 : 1))) {
      const now = scoreOf(r, m);
      const before = scoreOf(r, m, true);
      const delta = now !== null && before !== null ? now - before : null;
      const good =
        delta === null || Math.abs(delta) < 1e-9 ? '' : delta > 0 === meta.higher[m] ? 'better' : 'worse';
      body.append(
        el(
          'tr',
          {},
          el('td', {}, meta.metrics[m]),
          el('td', { class: 'num' }, fmt(now)),
          el('td', { class: 'num' }, r.bv ? fmt(before) : '—'),
          el('td', { class: `num ${good}` }, delta === null ? '—' : `${delta > 0 ? '+' : ''}${fmt(delta)}`),
        ),
      );
    }
    const headRow = el(
      'tr',
      {},
      el('th', {}, 'Metric'),
      el('th', {}, 'This run'),
      el('th', {}, baseLabel),
      el('th', {}, 'Δ'),
    );
    return el('table', { class: 'scores' }, el('thead', {}, headRow), body);
  }

  function chunkList(r: Row): HTMLElement {
    const list = el('ol', { class: 'chunks' });
    const order = r.rc ?? [];
    if (order.length === 0) return el('p', {}, 'No retrieval for this case.');
    const STATES: Record<string, string> = {
      i: 'in context',
      d: 'dropped by the context budget',
      r: 'retrieved, not in context',
    };
    order.forEach((index, at) => {
      const chunk = chunks[index];
      const relevant = r.rl?.includes(at) ?? false;
      const code = r.cs?.[at] ?? 'r';
      const badges = el(
        'span',
        { class: 'badges' },
        relevant ? el('span', { class: 'badge relevant' }, 'relevant') : null,
        el(
          'span',
          { class: `badge ${code === 'd' ? 'dropped' : 'kept'}` },
          r.cs ? STATES[code] : 'retrieved',
        ),
      );
      const text =
        chunk.text === null ? el('em', {}, 'chunk text not available (index not on disk)') : chunk.text;
      list.append(
        el(
          'li',
          { id: chunkAnchor(index), class: relevant ? 'relevant' : '' },
          el('div', { class: 'chunk-head' }, el('code', {}, chunk.id), ' ', badges),
          el('div', { class: 'chunk-text' }, text),
        ),
      );
    });
    return list;
  }

  function showCase(i: number): void {
    selected = i;
    const r = rowAt(i);
    const title = el(
      'h3',
      {},
      `${r.id} · ${meta.suites[r.s]} · ${meta.providers[r.p]}${r.r ? ` · repeat ${r.r}` : ''}`,
    );
    const facts = el(
      'p',
      { class: 'facts' },
      `Result: ${statusOf(r)}${r.at ? ` (${r.at})` : ''} · change vs ${baseLabel}: ${changeOf(r)}`,
    );
    const tags = r.t ? el('p', { class: 'tags' }, `Tags: ${r.t.map((t) => meta.tags[t]).join(', ')}`) : null;
    const why = r.why ? el('p', { class: 'why' }, r.why) : null;
    const answers = el(
      'div',
      { class: 'side-by-side' },
      el('div', {}, el('h4', {}, 'Answer (this run)'), answerBlock(r.o, r.un)),
      el(
        'div',
        {},
        el('h4', {}, `Answer (${baseLabel})`),
        r.bv
          ? answerBlock(r.bo)
          : el(
              'p',
              { class: 'note' },
              meta.baselineAvailable
                ? `Not in the ${baseLabel} run.`
                : `The ${baseLabel} run's results are not available.`,
            ),
      ),
    );
    detail.replaceChildren(
      title,
      facts,
      tags ?? '',
      why ?? '',
      el('h4', {}, 'Question'),
      el('div', { class: 'question' }, r.q),
      el('h4', {}, 'Expected'),
      el('div', { class: 'expected' }, r.x ?? '—'),
      answers,
      el('h4', {}, 'Scores'),
      scoresTable(r),
      el('h4', {}, 'Retrieved chunks'),
      chunkList(r),
    );
    renderRows();
    detail.scrollIntoView({ block: 'nearest' });
  }

  /** Decodes the compressed detail part (gzip, base64) with the browser's own decompressor. */
  async function loadDetails(): Promise<void> {
    const binary = atob(document.getElementById('evalgate-details')?.textContent ?? '');
    const bytes = new Uint8Array(binary.length);
    for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    details = JSON.parse(await new Response(stream).text()) as unknown[][];
    for (const control of [fMetric, fMin, fMax]) control.disabled = false;
    renderRows();
    if (selected >= 0) showCase(selected);
    document.body.dataset.details = '1';
    document.body.dataset.detailsAt = String(Math.round(performance.now()));
  }

  const mount = document.getElementById('cases-app');
  mount?.append(bar, table, detail);
  apply();
  document.body.dataset.ready = '1';
  for (const control of [fMetric, fMin, fMax]) control.disabled = true;
  void loadDetails();
  document.body.dataset.readyMs = String(Math.round(performance.now() - started));
  // Since navigation start: parsing the page included, which is what a reader waits for.
  document.body.dataset.readyAt = String(Math.round(performance.now()));
}
