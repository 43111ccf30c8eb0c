// What the claim check measures about one claim (claim-check.ts computes them; support-model.ts
// weighs them): each feature says, in its own way, how much of the claim the aligned context
// leaves unexplained, or that a number was worked out from what it states.
export interface ClaimFeatures {
  /** Weighted share of the claim's terms NOT found in the aligned sentences (0 = all found). */
  uncoveredLocal: number;
  /** The same against the whole context. */
  uncoveredGlobal: number;
  /**
   * Summed weight of uncovered terms, scaled by the weight of a term unseen in the context, beyond
   * an allowance of UNCOVERED_ALLOWANCE such terms (0 when the claim leaves less than that out).
   */
  uncoveredExcess: number;
  /**
   * Nearly all of the claim's content (≥ 90 % of its weight, at least two unseen words' worth) is
   * absent from the aligned context: a short invented claim ("The room has a grand piano") that the
   * allowance above would leave without a signal.
   */
  uncoveredWhole: 0 | 1;
  /**
   * The claim restates one whole sentence or clause of the aligned neighbourhood word for word,
   * and no other feature (but numbersAligned) is set: a restatement (word-for-word.ts). With
   * numbersAligned, the only features that say a claim is backed rather than what is wrong.
   */
  copied: 0 | 1;
  /** 1 when the claim states numbers and the aligned sentence states every one of them. */
  numbersAligned: 0 | 1;
  numberMissing: 0 | 1;
  numberElsewhere: 0 | 1;
  unitMismatch: 0 | 1;
  /** The claim's number is not in the aligned sentence, which states a different one. */
  numberConflict: 0 | 1;
  nameMissing: 0 | 1;
  nameElsewhere: 0 | 1;
  /** The claim's name is not in the aligned sentence, which names something else ("Team" for "Pro"). */
  nameConflict: 0 | 1;
  negationMismatch: 0 | 1;
  /** A plain flip of the aligned statement: the negation governs a word the other side states. */
  negationFlipped: 0 | 1;
  /** Some number is not stated but follows by one step of arithmetic, a unit ratio, a stated range or date arithmetic. */
  numberDerived: 0 | 1;
  /** "all", "always", "every"… where the aligned context does not say so. */
  quantifierAdded: 0 | 1;
  /** The aligned sentence limits the group the claim restates ("most", "some") and the claim drops it. */
  quantifierDropped: 0 | 1;
  /** The aligned sentence states a condition ("only if", "unless", "except") and the claim none. */
  conditionDropped: 0 | 1;
  /** The claim cites a source ("a study", "according to the Archives") the context never mentions. */
  sourceAdded: 0 | 1;
  /** A stated number sits where the context's best-matching segment puts another of its kind. */
  numberSwapped: 0 | 1;
  /** A number whose nearest words the context binds to another number of its kind (by position). */
  numberMoved: 0 | 1;
  /** A number stated nowhere that one step of arithmetic on numbers anywhere in the context or answer gives. */
  numberDerivedFar: 0 | 1;
  /** A number stated nowhere that two operations on the aligned neighbourhood's numbers give. */
  numberDerivedTwoSteps: 0 | 1;
  /** The aligned clause limits the statement ("up to four hours", "only on weekdays") and the claim drops the limit. */
  limitDropped: 0 | 1;
  /** The claim names two entities of the aligned sentence in the opposite order (who did what to whom). */
  rolesSwapped: 0 | 1;
  /** The claim gives a reason ("because …", "to cover …") whose words the aligned context does not state. */
  causeAdded: 0 | 1;
  /** A stated figure the context gives only to another named thing (entity-binding.ts). */
  figureOfAnother: 0 | 1;
  /** A word of the claim the context uses only about another named thing (entity-binding.ts). */
  wordOfAnother: 0 | 1;
}
