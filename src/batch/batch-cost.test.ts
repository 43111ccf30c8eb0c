// The batch price and its bookkeeping against hand-computed numbers: half the list price per
// token, the saving summed only over batch-billed calls, unknown prices kept apart, and the
// report's line.
import { describe, expect, it } from 'vitest';
import { createPriceTable } from '../providers/pricing.js';
import { batchCostRow } from '../reporters/batch-cost-row.js';
import type { RunManifest } from '../run/types.js';
import { meterBatchCost } from './batch-cost.js';
import type { BatchClient, BatchItem } from './batch-port.js';
import { splitItems } from './run-provider-batches.js';

const prices = createPriceTable();
const price = (model: string, usage: Parameters<typeof prices.costUsd>[0]['usage']) =>
  prices.costUsd({ model, usage });

describe('batch pricing', () => {
  it('bills a batch call at half the list price (gpt-4o-mini: $0.15 / $0.60 per MTok)', () => {
    const usage = { inputTokens: 1000, outputTokens: 500, estimated: false };
    // (1000 × 0.15 + 500 × 0.60) / 1e6 = 0.00045 list; 0.000225 at the batch price.
    expect(price('openai/gpt-4o-mini', usage)).toBeCloseTo(0.00045, 15);
    expect(price('openai/gpt-4o-mini', { ...usage, batch: true })).toBeCloseTo(0.000225, 15);
    // claude-3-5-haiku $0.80 / $4: (2000 × 0.8 + 100 × 4) / 1e6 = 0.002 list, 0.001 batch.
    const claude = { inputTokens: 2000, outputTokens: 100, estimated: false, batch: true };
    expect(price('anthropic/claude-3-5-haiku-latest', claude)).toBeCloseTo(0.001, 15);
  });

  it('sums paid and list prices over batch-billed calls only', () => {
    const meter = meterBatchCost(price);
    expect(meter.summary()).toBeNull();
    meter.costUsd('openai/gpt-4o-mini', { inputTokens: 1000, outputTokens: 500, estimated: false });
    expect(meter.summary()).toBeNull();
    meter.costUsd('openai/gpt-4o-mini', {
      inputTokens: 1000,
      outputTokens: 500,
      estimated: false,
      batch: true,
    });
    meter.costUsd('anthropic/claude-3-5-haiku', {
      inputTokens: 2000,
      outputTokens: 100,
      estimated: false,
      batch: true,
    });
    meter.costUsd('openai/some-private-model', {
      inputTokens: 9,
      outputTokens: 9,
      estimated: false,
      batch: true,
    });
    const summary = meter.summary()!;
    expect(summary.calls).toBe(3);
    expect(summary.unpricedCalls).toBe(1);
    expect(summary.costUsd).toBeCloseTo(0.000225 + 0.001, 15);
    expect(summary.listCostUsd).toBeCloseTo(0.00045 + 0.002, 15);
    expect(summary.savingUsd).toBeCloseTo(0.000225 + 0.001, 15);
  });

  it('renders one report line with the saving and the batches', () => {
    const manifest = {
      batch: {
        submitted: {
          batches: [
            {
              provider: 'openai/gpt-4o-mini',
              batchId: 'batch_1',
              status: 'completed',
              requests: 6,
              succeeded: 5,
              failed: 1,
              resumed: true,
              wallMs: 754_000,
            },
          ],
          requests: 6,
          retriedDirectly: 0,
          failed: 1,
        },
        cost: { calls: 5, unpricedCalls: 0, costUsd: 0.0012, listCostUsd: 0.0024, savingUsd: 0.0012 },
      },
    } as RunManifest;
    expect(batchCostRow(manifest)).toEqual([
      'Batch API',
      "5 model calls billed at the batch price (50 % off): $0.00120 instead of $0.00240, saving $0.00120; 6 requests in batch openai/gpt-4o-mini `batch_1` completed after 754.0 s, resumed; 1 not answered (see the cases' errors); latency not assessed for the 5 batch answers (no per-call latency; the latency percentiles cover only calls made directly)",
    ]);
    const big = {
      batch: { cost: { ...manifest.batch!.cost!, costUsd: 12.5, listCostUsd: 25, savingUsd: 12.5 } },
    };
    expect(batchCostRow(big as RunManifest)?.[1]).toBe(
      '5 model calls billed at the batch price (50 % off): $12.5000 instead of $25.0000, saving $12.5000; latency not assessed for the 5 batch answers (no per-call latency; the latency percentiles cover only calls made directly)',
    );
    const tiny = {
      batch: {
        cost: {
          ...manifest.batch!.cost!,
          costUsd: 0.0000554,
          listCostUsd: 0.0001108,
          savingUsd: 0.0000554,
        },
      },
    };
    expect(batchCostRow(tiny as RunManifest)?.[1]).toBe(
      '5 model calls billed at the batch price (50 % off): $0.0000554 instead of $0.000111, saving $0.0000554; latency not assessed for the 5 batch answers (no per-call latency; the latency percentiles cover only calls made directly)',
    );
    expect(batchCostRow({} as RunManifest)).toBeNull();
  });
});

describe('splitItems', () => {
  const client = {
    maxRequests: 3,
    maxBytes: 25,
    sizeOf: (item: BatchItem) => item.customId.length,
  } as BatchClient;
  const item = (customId: string, model?: string): BatchItem => ({
    customId,
    request: { messages: [], ...(model ? { model } : {}) },
  });

  it('gives each model its own batches, within the request and byte limits, in a stable order', () => {
    const items = [
      item('a'),
      item('b', 'm2'),
      item('c'),
      item('d'),
      item('e'.repeat(20)),
      item('f'.repeat(10)),
    ];
    const requests = new Map(items.map((i) => [i.customId, i.request]));
    const chunks = [...splitItems([...requests.keys()], requests, client, 'm1')];
    // m1: a, c, d fill the 3-request limit; e (20 bytes) + f (10) would pass 25 bytes.
    expect(chunks.map((c) => c.map((i) => i.customId))).toEqual([
      ['a', 'c', 'd'],
      ['e'.repeat(20)],
      ['f'.repeat(10)],
      ['b'],
    ]);
  });
});
