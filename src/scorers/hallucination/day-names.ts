// Days of the week as documents write them ("Tue 10–12", "Mon–Fri") and as answers do ("on
// Tuesday mornings", "Monday to Friday"), made one wording so a day an answer names is found in
// the context that abbreviates it or covers it by a range. "Weekdays" and "weekends" are not
// spelt out: "closed at weekends" would then seem to back "open on Saturdays". And a weekday an
// answer puts beside a date ("Monday 11 November 2024") is the calendar's, not a fact the context
// must state.
import { MONTHS } from './number-reasoning.js';

/** The days of the week, lower-case, Monday first. */
export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const TITLE = DAYS.map((d) => d[0].toUpperCase() + d.slice(1));

// Capitalised abbreviations only: "sat", "sun" and "wed" in lower case are words of their own.
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  Mon: 0,
  Tue: 1,
  Tues: 1,
  Wed: 2,
  Weds: 2,
  Thu: 3,
  Thur: 3,
  Thurs: 3,
  Fri: 4,
  Sat: 5,
  Sun: 6,
};
const ABBREVIATION_WORD = '(?:Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)';
// A day, abbreviated or not, on the other side of a range or list joint.
const ANY_DAY = `(?:${ABBREVIATION_WORD}\\.?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const JOINT = String.raw`(?:\s*[–—\-&,/]\s*|\s+(?:to|and|or|until|till|through)\s+)`;
// Only where a timetable puts one: before a time ("Tue 10–12", "Mon 9am"), or joined to another
// day by a dash, "&", a comma, "and", "to" ("Mon–Fri", "Thu & Fri", "Mon, Wed and Fri"). "Sat nav",
// "Sun cream" and "Sun, sea and cocktails" are no days.
const ABBREVIATION = new RegExp(
  String.raw`(?<=${ANY_DAY}${JOINT})(${ABBREVIATION_WORD})\.?(?!\p{L})|\b(${ABBREVIATION_WORD})\.?(?=\s*\d|${JOINT}${ANY_DAY}(?!\p{L}))`,
  'gu',
);

const DAY_ALT = `(?:${DAYS.join('|')})`;
const RANGE = new RegExp(
  `\\b(${DAY_ALT})s?\\s*(?:-|–|—|to|through|thru|until|till)\\s*(${DAY_ALT})s?\\b`,
  'giu',
);

/** Abbreviated days spelt out and ranges listed day by day ("weekdays" is left alone: see below). */
export function spellOutDays(text: string): string {
  if (!/\b(?:mon|tue|wed|thu|fri|sat|sun)/i.test(text)) return text;
  return text
    .replace(ABBREVIATION, (_, after: string | undefined, before: string | undefined) => {
      return TITLE[ABBREVIATIONS[(after ?? before) as string]];
    })
    .replace(RANGE, (whole: string, from: string, to: string) => {
      const first = DAYS.indexOf(from.toLowerCase() as (typeof DAYS)[number]);
      const last = DAYS.indexOf(to.toLowerCase() as (typeof DAYS)[number]);
      if (first === last) return whole;
      const span: string[] = [];
      for (let d = first; span.length < 7; d = (d + 1) % 7) {
        span.push(TITLE[d]);
        if (d === last) break;
      }
      return listed(span);
    });
}

function listed(days: readonly string[]): string {
  return `${days.slice(0, -1).join(', ')} and ${days[days.length - 1]}`;
}

const MONTH_ALT = MONTHS.join('|');
const DATED_WEEKDAY = new RegExp(
  `\\b(${DAY_ALT}),?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ALT}),?\\s+((?:19|20)\\d\\d)\\b|\\b(${DAY_ALT}),?\\s+(${MONTH_ALT})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`,
  'giu',
);

/**
 * The weekdays the text puts right before a date written with its year, when the date falls on
 * that weekday: worked out from the calendar. A date without its year names no weekday here.
 */
export function calendarWeekdays(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DATED_WEEKDAY)) {
    const day = (m[1] ?? m[5]).toLowerCase();
    const dayOfMonth = Number(m[2] ?? m[7]);
    const month = MONTHS.indexOf((m[3] ?? m[6]).toLowerCase());
    const year = Number(m[4] ?? m[8]);
    const date = new Date(Date.UTC(year, month, dayOfMonth));
    // getUTCDay: 0 is Sunday.
    if (date.getUTCDate() === dayOfMonth && DAYS[(date.getUTCDay() + 6) % 7] === day) out.push(day);
  }
  return out;
}

// "Closed on Mondays", "shut Sundays", "closed on Mondays and Tuesdays", "On Mondays it is closed":
// the closed word governs the day.
const ANY_DAY_NAME = `(?:${DAYS.join('|')})s?`;
const closedOn = (day: string) =>
  new RegExp(
    [
      String.raw`\b(?:closed|shut|not\s+open|isn['’]t\s+open|aren['’]t\s+open)\s+(?:on\s+|all\s+day\s+)?(?:every\s+)?(?:${ANY_DAY_NAME}(?:\s*,\s*|\s+(?:and|or)\s+))*${day}s?\b`,
      String.raw`\b(?:on\s+)?${day}s?\b[^.;]{0,40}?\b(?:is|are)\s+(?:closed|shut)\b`,
    ].join('|'),
    'i',
  );
// A statement of opening hours: the days it names are the days something is open.
const OPENING = /\b(?:open|opens|opening|hours)\b/i;
// A sentence that says something is closed on some day reads no gap ("closes at 5pm" does not).
const CLOSING = /\b(?:closed|shut|not\s+open)\b/i;

/**
 * A day the claim says something is closed on, where the context's opening-hours statements name
 * three days or more (spelt out or as a range) and leave this one out: "closed on Mondays" from
 * "open Tuesday to Sunday". The claim reads the gap in the timetable; it adds no day. Only
 * opening-hours sentences list the open days, but a day the context names anywhere, in any form
 * (bin days and "Mon: members only" included), is no gap: the context says something of that day,
 * so the claim's word for it is checked as any other.
 */
export function closedOnUnlistedDay(claimText: string, name: string, contextText: string): boolean {
  const day = name.replace(/s$/, '');
  if (!(DAYS as readonly string[]).includes(day) || !closedOn(day).test(claimText)) return false;
  const listed = new Set<string>();
  for (const sentence of contextText.split(/(?<=[.!?])\s+/)) {
    if (!OPENING.test(sentence) || CLOSING.test(sentence)) continue;
    for (const d of spellOutDays(sentence).toLowerCase().match(DAY_WORD) ?? []) listed.add(d);
  }
  return listed.size >= 3 && !listed.has(day) && !namesDayAnywhere(contextText, day);
}

// An abbreviated day with a colon or full stop ("Mon: 12pm–4pm", "members only on Mon."), which
// spellOutDays leaves as it is when no time or day follows right after.
const ABBREVIATION_HEAD = new RegExp(String.raw`\b(${ABBREVIATION_WORD})[.:](?!\p{L})`, 'gu');

// A day the context gives in any form, in any sentence ("Mon: 12pm–4pm, members only" beside
// "open Tue–Sun"), is no gap in the timetable: the context says something of it.
function namesDayAnywhere(contextText: string, day: string): boolean {
  const spelt = spellOutDays(contextText).replace(
    ABBREVIATION_HEAD,
    (_, abbreviation: string) => TITLE[ABBREVIATIONS[abbreviation]],
  );
  return new RegExp(`\\b${day}s?\\b`, 'i').test(spelt);
}

const DAY_WORD = new RegExp(`\\b(?:${DAYS.join('|')})`, 'g');
