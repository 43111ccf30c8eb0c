import { describe, expect, it } from 'vitest';
import { containsPii, luhnValid, redactPii } from './redact-pii.js';

describe('redactPii', () => {
  it('redacts emails, phone numbers and Luhn-valid card numbers', () => {
    expect(redactPii('mail me at jane.doe+x@example.co.uk please')).toBe('mail me at [email] please');
    expect(redactPii('call +1 415-555-0132 now')).toBe('call [phone] now');
    expect(redactPii('or (020) 7946 0018')).toBe('or [phone]');
    expect(redactPii('card 4111 1111 1111 1111 expired')).toBe('card [card] expired');
    expect(redactPii('card 4111-1111-1111-1111')).toBe('card [card]');
  });

  it('keeps amounts, years, order ids and digit runs that fail the Luhn check', () => {
    const text = 'In 2024 I paid $120 twice for order 123456, ref 4111 1111 1111 1112.';
    expect(redactPii(text)).toBe(text);
    expect(containsPii(text)).toBe(false);
  });

  it('luhnValid matches the published check on known numbers', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('5555555555554444')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('1234')).toBe(false);
  });
});
