import { describe, expect, it } from 'vitest';
import { containsDeclinePhrase, isDecline } from './decline.js';

describe('isDecline', () => {
  it('detects default decline phrases in the first sentence, case- and apostrophe-insensitively', () => {
    expect(isDecline("I don't know.")).toBe(true);
    expect(isDecline('I DON’T KNOW based on the documents.')).toBe(true);
    expect(isDecline('That is not covered in the knowledge base. You could contact support.')).toBe(true);
    expect(isDecline("I can't find anything about exchanges [faq.md#0].")).toBe(true);
  });
  it('treats an answer followed by a caveat as an answer', () => {
    expect(isDecline("Refunds take 30 days. I can't find the exchange policy.")).toBe(false);
  });
  it('treats an empty answer (or only markers) as a decline', () => {
    expect(isDecline('  ')).toBe(true);
    expect(isDecline('[a.md#0]')).toBe(true);
  });
  it('uses custom phrases when given', () => {
    expect(isDecline('Keine Angabe.', ['keine angabe'])).toBe(true);
    expect(isDecline("I don't know.", ['keine angabe'])).toBe(false);
  });
  it('finds phrases inside a sentence', () => {
    expect(containsDeclinePhrase('Sadly there is no information on that.')).toBe(true);
    expect(containsDeclinePhrase('Refunds take 30 days.')).toBe(false);
  });
});
