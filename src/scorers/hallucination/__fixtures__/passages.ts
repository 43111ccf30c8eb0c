import type { ScoringPassage } from '../../scoring-input.js';

export const REFUNDS: ScoringPassage = {
  id: 'billing/refunds.md#0',
  docId: 'billing/refunds.md',
  text: 'Refunds are issued within 30 days of purchase. Contact Acme support to request a refund. Orders over $1,000 need two approvals.',
};

export const PRICING: ScoringPassage = {
  id: 'plans/pricing.md#0',
  docId: 'plans/pricing.md',
  text: 'The Pro plan costs $4.99 per month. The Team plan costs $12.50 per seat. Prices changed on 2024-01-05.',
};

export const PASSAGES: ScoringPassage[] = [REFUNDS, PRICING];
