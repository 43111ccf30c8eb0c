// Colours shared by every chart, so "fail" is the same red in the forest plot and the bias bars.
export const COLORS = {
  ok: '#4c78a8',
  fail: '#d62728',
  neutral: '#8c8c8c',
  correct: '#4c9a5a',
  wrong: '#d62728',
  threshold: '#e45756',
} as const;
