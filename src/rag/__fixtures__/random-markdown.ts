// Seeded random markdown for property tests: headings of several levels, paragraphs, lists,
// fenced code (with # lines that are not headings), non-ASCII text, emoji and long unbroken
// tokens, so chunking invariants are exercised on the awkward cases too.
import type { Rng } from '../../core/rng.js';

const WORDS = [
  'refund',
  'invoice',
  'password',
  'account',
  'billing',
  'sso',
  'certificate',
  'the',
  'a',
  'of',
  'to',
  'and',
  'customer',
  'plan',
  'annual',
  'monthly',
  'seat',
  'error',
  'network',
  'latency',
  'café',
  'naïve',
  'Zürich',
  '東京',
  'データ',
  '🙂',
  '👩‍💻',
  '4.99',
  'e.g.',
  'sign-in',
  'https://example.com/a/very/long/path/without/any/spaces/at/all',
];

export function randomWords(rng: Rng, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[rng.int(WORDS.length)]);
  return out.join(' ');
}

function sentence(rng: Rng): string {
  const text = randomWords(rng, 4 + rng.int(20));
  return text[0].toUpperCase() + text.slice(1) + ['.', '!', '?', '.'][rng.int(4)];
}

function paragraph(rng: Rng): string {
  const kind = rng.int(10);
  if (kind === 0) return Array.from({ length: 2 + rng.int(4) }, () => `- ${sentence(rng)}`).join('\n');
  if (kind === 1) return `\`\`\`\n# not a heading\n${randomWords(rng, 10)}\n\`\`\``;
  if (kind === 2) return 'x'.repeat(50 + rng.int(400)); // one long unbreakable token run
  return Array.from({ length: 1 + rng.int(8) }, () => sentence(rng)).join(rng.int(3) === 0 ? '  ' : ' ');
}

export function randomMarkdown(rng: Rng): string {
  const parts: string[] = [];
  if (rng.int(2) === 0) parts.push(paragraph(rng));
  const sections = rng.int(6);
  for (let s = 0; s < sections; s++) {
    parts.push(`${'#'.repeat(1 + rng.int(3))} ${randomWords(rng, 1 + rng.int(3))}`);
    const paragraphs = rng.int(5);
    for (let p = 0; p < paragraphs; p++) parts.push(paragraph(rng));
  }
  return parts.join(rng.int(4) === 0 ? '\n\n\n' : '\n\n') + (rng.int(2) ? '\n' : '');
}
