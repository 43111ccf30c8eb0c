// Redacts what must not reach a log even when inputs are logged on purpose (`log_inputs: true`):
// email addresses, phone numbers and payment card numbers (13–19 digits passing the Luhn check,
// so order numbers and dates stay readable).

// The lookbehind makes a match start only where a local part can start, so a long run of word
// characters is scanned once rather than retried from every position (8,000 chars took 200 ms).
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Digit runs with optional spaces/dashes; cards are checked with Luhn, phones by digit count.
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
const PHONE = /(?<![\w])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){1,4}(?![\w])/g;

export function redactPii(text: string): string {
  return (text.includes('@') ? text.replace(EMAIL, '[email]') : text)
    .replace(CARD, (match) => (luhnValid(match.replace(/\D/g, '')) ? '[card]' : match))
    .replace(PHONE, (match) => {
      const digits = match.replace(/\D/g, '').length;
      // 7+ digits with a separator or a leading +: a phone, not a year, an amount or an id.
      return digits >= 7 && digits <= 15 && (/[ .()-]/.test(match) || match.startsWith('+'))
        ? '[phone]'
        : match;
    });
}

/** True when the text holds something `redactPii` would remove. */
export function containsPii(text: string): boolean {
  return redactPii(text) !== text;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
