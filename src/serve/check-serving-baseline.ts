// The start-up check of `serve`: is what we are about to serve what the accepted baseline
// evaluated? Compares the index key, each served prompt's content hash, the provider settings
// and the review threshold, and names every difference (empty list = evaluated).
import { type QuerySettings, querySettingDifferences } from './query-settings.js';
import type { ProviderSettings, ServingReference } from './serving-reference.js';

export interface ServedSetup {
  indexKey: string | null;
  /** True when a served suite retrieves (then the index key must match). */
  usesIndex: boolean;
  suites: {
    name: string;
    classify: boolean;
    provider: ProviderSettings;
    prompt: { id: string; versionId: string } | null;
  }[];
  reviewTargetPrecision: number;
  /** Retrieval and suite settings as configured now (query-settings.ts). */
  settings?: QuerySettings;
}

export function checkServingBaseline(
  setup: ServedSetup,
  reference: ServingReference | null,
  baselineFile: string,
): string[] {
  if (!reference)
    return [
      `${baselineFile} has no serving section: accept an eval run with \`evalgate baseline accept\` first`,
    ];
  const out: string[] = [];
  if (setup.usesIndex && setup.indexKey !== reference.indexKey)
    out.push(
      `index key: baseline ${short(reference.indexKey)}, now ${short(setup.indexKey)} (corpus, chunking or embedder changed)`,
    );
  if (setup.settings) out.push(...querySettingDifferences(setup.settings, reference.settings ?? {}));
  const providersSeen = new Set<string>();
  for (const suite of setup.suites) {
    if (suite.prompt) {
      const accepted = reference.prompts[suite.prompt.id];
      if (accepted !== suite.prompt.versionId)
        out.push(
          `prompt ${suite.prompt.id} (suite ${suite.name}): baseline ${accepted ?? 'none'}, now ${suite.prompt.versionId}`,
        );
    }
    const p = suite.provider;
    if (!reference.reference[suite.name]?.[p.id])
      out.push(`suite ${suite.name} with ${p.id}: not in the accepted baseline`);
    if (!providersSeen.has(p.id)) {
      providersSeen.add(p.id);
      const accepted = reference.providers[p.id];
      if (!accepted) out.push(`provider ${p.id}: not in the accepted baseline`);
      else
        for (const field of Object.keys(p) as (keyof ProviderSettings)[])
          if (p[field] !== accepted[field])
            out.push(`provider ${p.id} ${field}: baseline ${show(accepted[field])}, now ${show(p[field])}`);
    }
    if (suite.classify) {
      const review = reference.review[suite.name]?.[p.id];
      if (!review)
        out.push(`review threshold of suite ${suite.name} with ${p.id}: not in the accepted baseline`);
      else if (review.targetPrecision !== setup.reviewTargetPrecision)
        out.push(
          `review threshold of suite ${suite.name}: baseline targets precision ${review.targetPrecision}, now ${setup.reviewTargetPrecision}`,
        );
    }
  }
  return out;
}

function short(hash: string | null): string {
  return hash === null ? 'none' : hash.slice(0, 12);
}

function show(value: unknown): string {
  return value === null ? 'unset' : JSON.stringify(value);
}
