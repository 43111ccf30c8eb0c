import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES, PRICE_TABLE_VERSION, costUsd, createPriceTable } from './pricing.js';

const usage = (inputTokens: number, outputTokens: number) => ({
  inputTokens,
  outputTokens,
  estimated: false,
});

describe('pricing', () => {
  it('prices a call from the table, per million tokens', () => {
    // gpt-4o-mini: $0.15 in, $0.60 out per 1M tokens.
    expect(costUsd({ model: 'openai/gpt-4o-mini', usage: usage(1_000_000, 1_000_000) })).toBeCloseTo(
      0.75,
      12,
    );
    expect(costUsd({ model: 'gpt-4o-mini', usage: usage(2_000, 500) })).toBeCloseTo(
      (2_000 * 0.15 + 500 * 0.6) / 1e6,
      15,
    );
    expect(costUsd({ model: 'anthropic/claude-3-5-haiku-latest', usage: usage(1_000_000, 0) })).toBeCloseTo(
      0.8,
      12,
    );
  });

  it('matches dated snapshots and -latest aliases to their family, but keeps snapshot-specific prices', () => {
    const table = createPriceTable();
    expect(table.priceOf('gpt-4o-mini-2024-07-18')).toEqual(DEFAULT_PRICES['gpt-4o-mini']);
    expect(table.priceOf('claude-sonnet-4-20250514')).toEqual(DEFAULT_PRICES['claude-sonnet-4']);
    expect(table.priceOf('claude-3-5-sonnet-latest')).toEqual(DEFAULT_PRICES['claude-3-5-sonnet']);
    expect(table.priceOf('gpt-4o-2024-05-13')).toEqual({ inputPerMTok: 5, outputPerMTok: 15 });
    expect(table.priceOf('gpt-4o-2024-08-06')).toEqual(DEFAULT_PRICES['gpt-4o']);
  });

  it('costs local and replay providers nothing, and unknown models null (never a fake 0)', () => {
    expect(costUsd({ model: 'local/extractive', usage: usage(100, 100) })).toBe(0);
    expect(costUsd({ model: 'replay/outputs.jsonl', usage: usage(100, 100) })).toBe(0);
    expect(costUsd({ model: 'openai/some-future-model', usage: usage(100, 100) })).toBeNull();
    expect(costUsd({ model: 'gpt-4o-audio-preview', usage: usage(100, 100) })).toBeNull();
    expect(costUsd({ model: 'gpt-4o', usage: undefined })).toBeNull();
  });

  it('applies overrides first and versions the table by them', () => {
    expect(createPriceTable().version).toBe(PRICE_TABLE_VERSION);
    const table = createPriceTable({
      'gpt-4o-mini': { inputPerMTok: 1, outputPerMTok: 2 },
      'vllm/llama-3-8b': { inputPerMTok: 0.05, outputPerMTok: 0.05 },
    });
    expect(table.version).toMatch(new RegExp(`^${PRICE_TABLE_VERSION}\\+[0-9a-f]{8}$`));
    expect(table.costUsd({ model: 'openai/gpt-4o-mini', usage: usage(1_000_000, 1_000_000) })).toBe(3);
    expect(table.costUsd({ model: 'vllm/llama-3-8b', usage: usage(1_000_000, 0) })).toBeCloseTo(0.05, 12);
    expect(createPriceTable({ 'gpt-4o-mini': { inputPerMTok: 1, outputPerMTok: 3 } }).version).not.toBe(
      table.version,
    );
  });
});
