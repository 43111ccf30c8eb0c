// The texts the cold-start row and the idle probe send (issue 11): for each start, request i
// carries two gold texts joined, from those warm-up does not send (it sends the first
// WARM_UP_SAMPLES), no text twice among a start's first unsent.length / 2 requests, each start from
// its own place spread evenly over the texts (a fixed step can revisit places).
import { WARM_UP_SAMPLES } from '../dist/serve/load-serving-pipeline.js';

/** The input of request i for start `start` of `starts`. */
export function freshTexts(texts, start, starts) {
  const unsent = texts.slice(WARM_UP_SAMPLES);
  const from = Math.floor((start * unsent.length) / starts);
  const at = (k) => unsent[(from + k) % unsent.length];
  return (i) => `${at(2 * i)} ${at(2 * i + 1)}`;
}
