import { describe, expect, it } from 'vitest';
import { findCitationMarkers, stripCitationMarkers } from './citation-markers.js';

describe('citation markers', () => {
  it('finds single and grouped markers in order', () => {
    expect(findCitationMarkers('A [billing/refunds.md#0]. B [a.md#1, b.md#2] [not a marker] [x#y]')).toEqual([
      'billing/refunds.md#0',
      'a.md#1',
      'b.md#2',
    ]);
  });
  it('strips markers and the space before punctuation', () => {
    expect(stripCitationMarkers('Refunds take 30 days [billing/refunds.md#0]. Done [a#1][b#2]!')).toBe(
      'Refunds take 30 days. Done!',
    );
  });
});
