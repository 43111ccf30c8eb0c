// Per-label probabilities for classification from the first answer token's top log-probabilities.
// Labels usually span several tokens ("billing" → "bill" + "ing"), so a top token counts for every
// label it is a prefix of; a token shared by several labels is split evenly among them.

export interface TopLogprob {
  token: string;
  logprob: number;
}

/** Normalised over the labels the top tokens reach; `undefined` when no top token starts any label. */
export function labelProbabilities(
  top: readonly TopLogprob[],
  labels: readonly string[],
): Record<string, number> | undefined {
  const normalisedLabels = labels.map((label) => label.trim().toLowerCase());
  const mass = new Array<number>(labels.length).fill(0);
  let total = 0;
  for (const { token, logprob } of top) {
    const piece = token.trim().toLowerCase();
    if (!piece || !Number.isFinite(logprob)) continue;
    const matches: number[] = [];
    normalisedLabels.forEach((label, i) => {
      if (label.startsWith(piece)) matches.push(i);
    });
    if (matches.length === 0) continue;
    const share = Math.exp(logprob) / matches.length;
    for (const i of matches) mass[i] += share;
    total += share * matches.length;
  }
  if (total === 0) return undefined;
  const out: Record<string, number> = {};
  labels.forEach((label, i) => (out[label] = mass[i] / total));
  return out;
}
