import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import {
  JUDGE_TEMPLATE_NAMES,
  judgeTemplate,
  loadJudgeTemplate,
  renderJudgeTemplate,
  templateVariables,
} from './load-judge-template.js';

describe('loadJudgeTemplate', () => {
  it('loads every versioned template from templates/judges/ with a content-hash version', async () => {
    for (const name of JUDGE_TEMPLATE_NAMES) {
      const template = await loadJudgeTemplate(name);
      expect(template.text.length).toBeGreaterThan(100);
      expect(template.version).toMatch(new RegExp(`^${name}#[0-9a-f]{8}$`));
    }
    expect(templateVariables((await loadJudgeTemplate('rubric-v1')).text).sort()).toEqual([
      'answer',
      'context',
      'question',
      'rubric',
      'scale_max',
      'scale_min',
    ]);
    expect(templateVariables((await loadJudgeTemplate('claims-extract-v1')).text).sort()).toEqual([
      'answer',
      'question',
    ]);
    expect(templateVariables((await loadJudgeTemplate('claim-verdict-v1')).text).sort()).toEqual([
      'claims',
      'context',
    ]);
  });
});

describe('renderJudgeTemplate', () => {
  it('fills variables literally (no $-pattern expansion)', () => {
    expect(
      renderJudgeTemplate(judgeTemplate('t', 'Q: {{question}} A: {{ answer }}'), {
        question: 'cost?',
        answer: '$& $1',
      }),
    ).toBe('Q: cost? A: $& $1');
  });
  it('rejects a variable it was not given', () => {
    expect(() => renderJudgeTemplate(judgeTemplate('t', '{{question}} {{oops}}'), { question: 'q' })).toThrow(
      InputError,
    );
  });
});
