// Four defects of revision 11 a review found (referrals, named shares, closed days, a currency
// total at a rate), each with the case that must fire and the close case that must not. Tested on
// claim features, unknown parts and helper verdicts, which do not depend on the fitted coefficients.
import { describe, expect, it } from 'vitest';
import { check, passages } from './__fixtures__/check-answer.js';
import { analyzeClaim, extractNumberMentions } from './claim-facts.js';
import { contextIndexFor } from './context-clauses.js';
import { isReferral } from './context-statements.js';
import { closedOnUnlistedDay } from './day-names.js';
import { derivable } from './number-reasoning.js';
import { moneyStatedOnlyAsAnotherQuantity } from './unit-words.js';

describe('a referral after a true refusal is exempt only when it states nothing else', () => {
  const PARKING = passages(
    'The Mill Street car park has 200 spaces. Parking costs £3 per hour from 8am to 6pm.',
  );
  const refusal = "The documents don't say whether overnight parking is available.";

  it('checks a referral that also states a fact, with the party it names', () => {
    for (const referral of [
      'Please contact the Harbourview Parking Office, which offers free overnight parking.',
      'Please contact the Harbourview Parking Office; they offer free overnight parking.',
      'Please contact the Harbourview Parking Office — it is open all night.',
      'Please contact the Harbourview Parking Office, as they offer free overnight parking.',
    ]) {
      const result = check(`${refusal} ${referral}`, PARKING);
      expect(result.claims.join(' | ')).toContain('Harbourview');
      expect(result.on).toContain('nameMissing');
    }
    const text = 'Please contact the Harbourview Parking Office, which offers free overnight parking.';
    expect(isReferral(text, analyzeClaim(text))).toBe(false);
    for (const stating of [
      'Please contact the council, where staff offer free overnight permits.',
      'Please contact the council, as they offer free overnight permits.',
      'Please contact the Harbourview Parking Office, they offer free overnight parking.',
      'Please contact the Harbourview Parking Office: overnight parking is free there.',
      'Please contact the Harbourview Parking Office, who can confirm that overnight parking is free.',
      'The Harbourview Parking Office can tell you that overnight parking is free.',
      'Please contact the Harbourview Parking Office, located beside the ferry terminal.',
    ])
      expect(check(`${refusal} ${stating}`, PARKING).claims.length).toBeGreaterThan(0);
  });

  it('still exempts a plain referral, and one that says only what the party can tell', () => {
    for (const referral of [
      "You'd need to ask the Harbourview Parking Office.",
      'Please contact the Harbourview Parking Office, who can confirm whether overnight parking is available.',
      "Please contact the Harbourview Parking Office; they'll be able to tell you.",
      "It's best to check with the parking office which car parks allow overnight stays.",
      // A clause with its own subject, an offer of help, or a hedge on the answer states no fact.
      'You could ask at the reception desk, where staff can advise.',
      'Please contact the council, who will be happy to help.',
      'Please contact the council, as this can change.',
      'Please contact the council, as it varies by area.',
      'Please contact the parking office, based on your postcode.',
      'Please contact the Harbourview Parking Office, who can confirm that for you.',
      'Please contact the Harbourview Parking Office — they are the best people to ask.',
    ])
      expect(check(`${refusal} ${referral}`, PARKING).claims).toHaveLength(0);
    const plain = "You'd need to ask the Harbourview Parking Office.";
    expect(isReferral(plain, analyzeClaim(plain))).toBe(true);
  });
});

describe('a share the claim names derives an amount only when the context states it', () => {
  const claim = 'Children get a third off the £54 adult price, paying £36.';
  const thirtySix = () => {
    const found = extractNumberMentions(claim).find((m) => m.value === '36');
    if (!found) throw new Error('36 not found');
    return found;
  };
  const PRICE = extractNumberMentions('Adult tickets cost £54.');

  it('flags the amount when the context names no discount', () => {
    expect(derivable(thirtySix(), PRICE, claim, 'Adult tickets cost £54.')).toBe(false);
    const result = check(claim, passages('Adult tickets cost £54.'));
    expect(result.on).toContain('numberMissing');
    expect(result.unknown).toContain('36');
  });

  it('derives it when the context or the question states the share, in words or as a percentage', () => {
    expect(derivable(thirtySix(), PRICE, claim, 'Children pay a third less than the £54 adult price.')).toBe(
      true,
    );
    const stated = check(claim, passages('Children pay a third less than the £54 adult price.'));
    expect(stated.on).toContain('numberDerived');
    expect(stated.on).not.toContain('numberMissing');
    const percent = check(claim, passages('Adult tickets cost £54. Children get 33% off.'));
    expect(percent.on).not.toContain('numberMissing');
    const asked = check(claim, passages('Adult tickets cost £54.'), 'Do children get 33% off?');
    expect(asked.on).not.toContain('numberMissing');
  });
});

describe('a closed day is a gap in the timetable only when the context gives that day in no form', () => {
  it('is no gap when the context heads a line with the day ("Mon:")', () => {
    const GALLERY = 'Open Tue–Sun, 10am–6pm. Mon: 12pm–4pm, members only.';
    expect(closedOnUnlistedDay('The gallery is closed on Mondays.', 'mondays', GALLERY)).toBe(false);
    expect(
      closedOnUnlistedDay('The gallery is closed on Mondays.', 'mondays', 'Open Tue–Sun. Mon. members only.'),
    ).toBe(false);
    expect(check('The gallery is closed on Mondays.', passages(GALLERY)).unknown).toContain('mondays');
  });

  it('still reads the gap when the day appears nowhere', () => {
    const OPEN = 'Open Tuesday to Sunday, 10am–6pm.';
    expect(closedOnUnlistedDay("It's closed on Mondays.", 'mondays', OPEN)).toBe(true);
    expect(check("It's closed on Mondays.", passages(OPEN)).unknown).not.toContain('mondays');
    expect(closedOnUnlistedDay("It's closed on Mondays.", 'mondays', 'Open Tue–Sun, 10am–6pm.')).toBe(true);
  });
});

describe('money the context states only as another quantity (moneyStatedOnlyAsAnotherQuantity)', () => {
  const fifteen = (claim: string) => {
    const found = extractNumberMentions(claim).find((m) => m.value === '15');
    if (!found) throw new Error(`15 not in ${claim}`);
    return found;
  };

  it('holds for £15 however the context writes its £5 rate', () => {
    for (const rate of ['£5 per hour', '£5 an hour', '£5/hour']) {
      const index = contextIndexFor(passages(`Parking costs ${rate}. Allow 15 minutes to walk to the gate.`));
      expect(moneyStatedOnlyAsAnotherQuantity(fifteen('Three hours would be £15.'), index)).toBe(true);
    }
  });

  it('does not hold for a changed currency or a changed rate', () => {
    const DAY = contextIndexFor(passages('Parking costs £15 a day.'));
    expect(moneyStatedOnlyAsAnotherQuantity(fifteen('Parking costs $15 a day.'), DAY)).toBe(false);
    expect(moneyStatedOnlyAsAnotherQuantity(fifteen('Parking costs £15 an hour.'), DAY)).toBe(false);
  });
});
