// A reason or purpose a claim gives that the context does not: "Standard goes up to £9.99 to
// cover rising licensing costs" where the context states the rise and no cause.
import { analyzeClaim } from './claim-facts.js';
import { DISCOURSE_TERMS, GENERIC_TERMS } from './word-classes.js';
import { hasWordFamily } from './word-family.js';

// Words that introduce a reason or a purpose.
const BECAUSE =
  /\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of|in\s+order\s+to|so\s+that|which\s+is\s+why|that['’]s\s+why|to\s+(?:cover|help|make\s+sure|ensure|keep(?!\s+(?:in\s+mind|an\s+eye))|prevent|protect|reduce|avoid|allow|meet|comply))\b/i;

/**
 * The reason a claim gives, when most of its words are in neither the aligned context nor the
 * question: "from 1 April Standard goes up to £9.99 to cover rising licensing costs".
 */
export function addedReason(
  claimText: string,
  windowTerms: ReadonlySet<string>,
  questionTerms: ReadonlySet<string>,
): string | undefined {
  const match = BECAUSE.exec(claimText);
  if (!match) return undefined;
  const reason = claimText.slice((match.index ?? 0) + match[0].length);
  const terms = analyzeClaim(reason).terms.filter((t) => !DISCOURSE_TERMS.has(t) && !GENERIC_TERMS.has(t));
  if (terms.length === 0) return undefined;
  const unstated = terms.filter((t) => !hasWordFamily(windowTerms, t) && !questionTerms.has(t));
  return unstated.length * 2 > terms.length ? reason.trim() : undefined;
}
