import { restatementScore } from '../../../detection/cross-fitted-threshold.js';
import { RESPONSE_CALIBRATION, SUPPORT_MODEL } from '../support-model.js';

/**
 * What the shipped check gives a one-claim answer that copies the context word for word. The
 * default threshold sits just above it (the restatement floor, support-model.ts), so since the
 * ninth revision a correct paraphrase that adds a word the context lacks is flagged at the
 * default; the tests then pin that it ranks within PARAPHRASE_MARGIN of a copy and well below its
 * near miss, which is what the check's ranking (AUROC) rests on.
 */
export const COPY_SCORE = restatementScore({ model: SUPPORT_MODEL, calibration: RESPONSE_CALIBRATION });
export const PARAPHRASE_MARGIN = 0.09;
