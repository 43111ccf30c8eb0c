import { unsupportedProbability } from '../support-model.js';
import { RESPONSE_CALIBRATION, responseProbability, SUPPORT_MODEL } from '../support-model.js';

/**
 * What the shipped check gives a one-claim answer on which no feature is set: a claim that
 * restates the context without copying a whole sentence of it (a copy scores lower since revision
 * 13's `copied`, cross-fitted-threshold.ts restatementScore). The default threshold sits at or
 * below it, so a correct paraphrase that adds a word the context lacks is flagged at the default;
 * the tests then pin that it ranks within PARAPHRASE_MARGIN of this level and well below its near
 * miss, which is what the check's ranking (AUROC) rests on.
 */
export const UNCUED_SCORE = responseProbability(
  unsupportedProbability({} as never, SUPPORT_MODEL),
  1,
  RESPONSE_CALIBRATION,
);
export const PARAPHRASE_MARGIN = 0.09;

// The first 0.01 step above UNCUED_SCORE: there an answer is flagged only when some cue fires.
// Since revision 13 the default threshold sits below it, so the tests of a cue read "passes / is
// flagged" at this threshold.
export { CUE_THRESHOLD } from '../support-model.js';
