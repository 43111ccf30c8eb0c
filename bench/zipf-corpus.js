// The LSA benches' synthetic corpus: Zipf(1)-distributed words from a vocabulary of
// pronounceable made-up words (so the Porter stemmer leaves most of them distinct), no topics
// (a flat spectrum: the hard case for an SVD with few passes). Seeded: the same texts each run.
import { createRng } from '../dist/core/rng.js';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'su',
  'ra',
  'ti',
  'po',
  've',
  'zu',
  'da',
  'fe',
  'gi',
  'ho',
  'ju',
  'qu',
];

/** `documents` texts of `wordsPerDocument` words drawn from a `vocabularySize`-word vocabulary. */
export function zipfCorpus({ documents, vocabularySize, wordsPerDocument = 150, seed = 13 }) {
  const rng = createRng(seed);
  const vocabulary = Array.from({ length: vocabularySize }, (_, i) => {
    let word = 'w';
    for (let n = i + 1; n > 0; n = Math.floor(n / 16)) word += SYLLABLES[n % 16];
    return `${word}x`;
  });
  // Inverse CDF on the harmonic weights.
  const cumulative = new Float64Array(vocabularySize);
  let total = 0;
  for (let i = 0; i < vocabularySize; i++) cumulative[i] = total += 1 / (i + 1);
  const draw = () => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = vocabularySize - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
  return Array.from({ length: documents }, () => Array.from({ length: wordsPerDocument }, draw).join(' '));
}
