// Features shared by the offline classifiers: stemmed content terms plus adjacent-term bigrams
// ("not sync" and "sync fail" carry intent that the single terms do not).
import { contentTerms } from '../../text/analyze.js';

export function termFeatures(text: string): string[] {
  const terms = contentTerms(text);
  const out = terms.slice();
  for (let i = 0; i + 1 < terms.length; i++) out.push(`${terms[i]} ${terms[i + 1]}`);
  return out;
}
