// USD cost of a call from its token usage and a versioned list-price table. The version is
// recorded with every run, so a cost is always read against the prices it was computed with.
// An unknown model costs `null` (unknown), never a made-up 0.
import { hashValue } from '../core/hash.js';
import type { TokenUsage } from './language-model.js';

export const PRICE_TABLE_VERSION = '2026-11';

/**
 * Share of the list price a batch-API call costs: OpenAI's Batch API and Anthropic's Message
 * Batches both bill input and output tokens at 50 % of the standard rate.
 */
export const BATCH_PRICE_FACTOR = 0.5;

/** Prices in USD per one million tokens. */
export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
}

const price = (inputPerMTok: number, outputPerMTok: number): ModelPrice => ({ inputPerMTok, outputPerMTok });

/** Public list prices (standard tier, no batch or prompt-cache discounts), keyed by model name without date suffix. */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  // OpenAI chat
  'gpt-5': price(1.25, 10),
  'gpt-5-mini': price(0.25, 2),
  'gpt-5-nano': price(0.05, 0.4),
  'gpt-4.1': price(2, 8),
  'gpt-4.1-mini': price(0.4, 1.6),
  'gpt-4.1-nano': price(0.1, 0.4),
  'gpt-4o': price(2.5, 10),
  // The first gpt-4o snapshot kept its launch price.
  'gpt-4o-2024-05-13': price(5, 15),
  'gpt-4o-mini': price(0.15, 0.6),
  'gpt-4-turbo': price(10, 30),
  'gpt-3.5-turbo': price(0.5, 1.5),
  o1: price(15, 60),
  o3: price(2, 8),
  'o3-mini': price(1.1, 4.4),
  'o4-mini': price(1.1, 4.4),
  // OpenAI embeddings (input only)
  'text-embedding-3-small': price(0.02, 0),
  'text-embedding-3-large': price(0.13, 0),
  'text-embedding-ada-002': price(0.1, 0),
  // Anthropic
  'claude-3-haiku': price(0.25, 1.25),
  'claude-3-5-haiku': price(0.8, 4),
  'claude-haiku-4-5': price(1, 5),
  'claude-3-5-sonnet': price(3, 15),
  'claude-3-7-sonnet': price(3, 15),
  'claude-sonnet-4': price(3, 15),
  'claude-sonnet-4-0': price(3, 15),
  'claude-sonnet-4-5': price(3, 15),
  'claude-3-opus': price(15, 75),
  'claude-opus-4': price(15, 75),
  'claude-opus-4-0': price(15, 75),
  'claude-opus-4-1': price(15, 75),
  'claude-opus-4-5': price(5, 25),
};

/** Providers whose calls cost nothing: the offline baseline and replayed outputs. */
const FREE_PROVIDERS = new Set(['local', 'replay']);

export interface PriceTable {
  /** `2026-11`, or `2026-11+<hash>` when overrides are applied. */
  readonly version: string;
  priceOf(model: string): ModelPrice | null;
  costUsd(input: CostInput): number | null;
}

export interface CostInput {
  /** A provider id (`openai/gpt-4o-mini`) or a bare model name, with or without a date suffix. */
  model: string;
  usage: TokenUsage | undefined;
}

/** Overrides (e.g. from the config, for negotiated prices or new models) win over the built-in list. */
export function createPriceTable(overrides: Record<string, ModelPrice> = {}): PriceTable {
  const custom = new Map(Object.entries(overrides).map(([name, p]) => [name.toLowerCase(), p]));
  const version = custom.size
    ? `${PRICE_TABLE_VERSION}+${hashValue(overrides).slice(0, 8)}`
    : PRICE_TABLE_VERSION;

  const priceOf = (model: string): ModelPrice | null => {
    const full = model.trim().toLowerCase();
    const slash = full.indexOf('/');
    const provider = slash >= 0 ? full.slice(0, slash) : undefined;
    const candidates = nameCandidates(slash >= 0 ? full.slice(slash + 1) : full);
    for (const name of [full, ...candidates]) {
      const found = custom.get(name);
      if (found) return found;
    }
    if (provider && FREE_PROVIDERS.has(provider)) return price(0, 0);
    for (const name of candidates) {
      if (Object.hasOwn(DEFAULT_PRICES, name)) return DEFAULT_PRICES[name];
    }
    return null;
  };

  const costUsd = ({ model, usage }: CostInput): number | null => {
    const p = priceOf(model);
    if (!p || !usage) return null;
    const listUsd = (usage.inputTokens * p.inputPerMTok + usage.outputTokens * p.outputPerMTok) / 1_000_000;
    return usage.batch ? listUsd * BATCH_PRICE_FACTOR : listUsd;
  };

  return { version, priceOf, costUsd };
}

const defaultTable = createPriceTable();

/** Cost against the built-in table; `null` when the model or the usage is unknown. */
export function costUsd(input: CostInput): number | null {
  return defaultTable.costUsd(input);
}

/** The name as given, then without `-latest`, then without a date suffix (`-2024-07-18`, `-20241022`). */
function nameCandidates(name: string): string[] {
  const out = [name];
  const noAlias = name.replace(/-latest$/, '');
  if (noAlias !== name) out.push(noAlias);
  const noDate = noAlias.replace(/-(\d{4}-\d{2}-\d{2}|\d{8})$/, '');
  if (noDate !== noAlias) out.push(noDate);
  return out;
}

/** The table a run prices with: the config's `pricing:` (USD per million tokens) over the built-in list. */
export function createConfigPriceTable(
  pricing: Readonly<Record<string, { input: number; output: number }>>,
): PriceTable {
  return createPriceTable(
    Object.fromEntries(
      Object.entries(pricing).map(([m, p]) => [m, { inputPerMTok: p.input, outputPerMTok: p.output }]),
    ),
  );
}
