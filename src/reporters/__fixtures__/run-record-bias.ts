// The fixture run's bias audit (run-record.ts): one failing row among passing ones, and subgroup
// gaps of both kinds.
import type { TagBreakdown } from '../../aggregate/tag-breakdowns.js';
import type { RunRecord, SubgroupGap } from '../../run/types.js';
import { LOCAL, OPENAI } from './run-record-results.js';

/** A subgroup entry with its kind, as the bias audit writes it (run/types.ts does not name the field yet). */
const breakdown = (gap: TagBreakdown): SubgroupGap => gap;

export const fixtureBias: RunRecord['bias'] = {
  rows: [
    {
      check: 'support-qa/gender/score_gap',
      action: 'block',
      suite: 'support-qa',
      provider: LOCAL,
      attribute: 'gender',
      metric: 'answer.f1 gap between groups',
      threshold: 0.05,
      value: 0.021,
      low: -0.034,
      high: 0.077,
      pass: true,
    },
    {
      check: 'support-qa/age/divergence',
      action: 'block',
      suite: 'support-qa',
      provider: OPENAI,
      attribute: 'age',
      metric: 'answer divergence (1 − token F1 between variants)',
      threshold: 0.25,
      value: 0.12,
      pass: true,
    },
    {
      check: 'intent/gender/flip_rate',
      action: 'block',
      suite: 'intent',
      provider: OPENAI,
      attribute: 'gender',
      metric: 'label flip rate',
      threshold: 0.05,
      value: 0.143,
      low: 0.026,
      high: 0.513,
      pass: false,
      detail: '1 of 7 pairs changed label | int-003: general → escalate\nwith a female name',
    },
    {
      check: 'intent/name-origin/flip_rate',
      action: 'block',
      suite: 'intent',
      provider: OPENAI,
      attribute: 'name-origin',
      metric: 'label flip rate',
      threshold: 0.05,
      value: null,
      pass: null,
      detail: '0 probes, none flipped',
    },
  ],
  subgroups: [
    breakdown({
      suite: 'support-qa',
      provider: LOCAL,
      metric: 'answer.f1',
      groups: [
        { tag: 'segment:enterprise', n: 2, value: 0.053 },
        { tag: 'segment:smb', n: 2, value: 0.134 },
      ],
      gap: 0.081,
      flagged: false,
      kind: 'protected',
      attribute: 'segment',
    }),
    breakdown({
      suite: 'support-qa',
      provider: LOCAL,
      metric: 'answer.f1',
      groups: [
        { tag: 'billing', n: 5, value: 0.31 },
        { tag: 'long-input', n: 2, value: 0 },
      ],
      gap: null,
      flagged: false,
      kind: 'topic',
    }),
    breakdown({
      suite: 'intent',
      provider: OPENAI,
      metric: 'classification.accuracy',
      groups: [
        { tag: 'channel:chat', n: 5, value: 0.6 },
        { tag: 'channel:email', n: 4, value: 0.5 },
      ],
      gap: 0.1,
      flagged: false,
      kind: 'topic',
      attribute: 'channel',
    }),
    breakdown({
      suite: 'support-qa',
      provider: OPENAI,
      metric: 'answer.f1',
      groups: [
        { tag: 'segment:enterprise', n: 1, value: 0 },
        { tag: 'segment:smb', n: 2, value: 0.686 },
      ],
      gap: 0.686,
      flagged: true,
      kind: 'protected',
      attribute: 'segment',
    }),
  ],
};
