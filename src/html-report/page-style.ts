// The HTML report's stylesheet, inlined into the page (and allowed by hash in its CSP).
export const PAGE_STYLE = `
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --pass: #1a7f37; --fail: #cf222e; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); }
header.top { padding: 12px 24px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
header.top h1 { margin: 0; font-size: 20px; }
header.top nav a { margin-right: 12px; color: var(--accent); text-decoration: none; }
main { padding: 0 24px 48px; max-width: 1400px; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
td.num, span.num { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: 8px 0; padding: 4px 12px; border-left: 4px solid var(--line); color: var(--muted); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #eff1f3; padding: 1px 4px; border-radius: 4px; }
figure { margin: 16px 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 12px 0; }
.filters select, .filters input { font: inherit; padding: 2px 4px; }
.filters input[type=number] { width: 80px; }
.count { color: var(--muted); margin-left: 8px; }
.cases-table { border: 1px solid var(--line); font-size: 13px; }
.thead, .row { display: grid; grid-template-columns: 200px 130px 150px 60px 90px 110px 70px 1fr; align-items: center; }
.thead { background: #f6f8fa; border-bottom: 1px solid var(--line); }
.thead button, .thead span { font: inherit; font-weight: 600; text-align: left; background: none; border: 0; padding: 4px 6px; cursor: pointer; }
.thead button[aria-sort=ascending]::after { content: " ▲"; }
.thead button[aria-sort=descending]::after { content: " ▼"; }
.viewport { position: relative; height: 480px; overflow-y: auto; }
.spacer { width: 1px; }
.row { position: absolute; left: 0; right: 0; height: 28px; border-bottom: 1px solid #eaeef2; cursor: pointer; }
.row span { padding: 0 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.row:hover { background: #f3f6fa; }
.row.selected { background: #ddf4ff; }
.st-p .c-status { color: var(--pass); }
.st-f .c-status { color: var(--fail); font-weight: 600; }
.ch-r { color: var(--fail); }
.ch-i { color: var(--pass); }
.detail { margin-top: 16px; padding: 12px 16px; border: 1px solid var(--line); border-radius: 6px; }
.detail h3 { margin-top: 0; }
.question, .expected, .answer, .chunk-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
mark.unsupported { background: #ffd8d3; text-decoration: underline wavy var(--fail); }
a.cite { color: var(--accent); }
.scores td.better { color: var(--pass); }
.scores td.worse { color: var(--fail); font-weight: 600; }
ol.chunks li { margin-bottom: 8px; padding: 4px 8px; border-left: 3px solid var(--line); }
ol.chunks li.relevant { border-left-color: var(--pass); }
ol.chunks li:target { background: #fff8c5; }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; margin-left: 4px; background: #eaeef2; }
.badge.relevant { background: #dafbe1; color: var(--pass); }
.badge.dropped { background: #ffebe9; color: var(--fail); }
.note { color: var(--muted); }
`;
