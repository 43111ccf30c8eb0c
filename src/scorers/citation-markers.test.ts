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
  it('removes only the whitespace a marker leaves behind', () => {
    expect(stripCitationMarkers('Ignored: Thumbs.db, .DS_Store and .tmp files [a.md#4].')).toBe(
      'Ignored: Thumbs.db, .DS_Store and .tmp files.',
    );
    expect(stripCitationMarkers('[a#1] Starts here, ends there [b#2] [c#3]')).toBe('Starts here, ends there');
    expect(stripCitationMarkers('one [a#1] two[b#2]three')).toBe('one two three');
    expect(stripCitationMarkers('files ending in .tmp.')).toBe('files ending in .tmp.');
    expect(stripCitationMarkers('no markers , here [x]')).toBe('no markers , here [x]');
  });
});
