// Turns a loaded prompt plus one case's inputs into chat messages.
import type { ChatMessage, FewShotExample } from '../providers/language-model.js';
import { formatFewShot } from './few-shot.js';
import type { LoadedPrompt } from './load-prompt.js';
import { renderTemplate } from './template.js';

export interface PromptValues {
  question: string;
  context?: string;
  labels?: string[];
  options?: string[];
  fewShot: FewShotExample[];
}

export function renderPrompt(prompt: LoadedPrompt, values: PromptValues): ChatMessage[] {
  const vars: Record<string, string> = {
    question: values.question,
    input: values.question,
    context: values.context ?? '',
    few_shot: formatFewShot(values.fewShot),
    labels: (values.labels ?? []).join(', '),
    options: (values.options ?? []).map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`).join('\n'),
  };
  const messages: ChatMessage[] = [];
  if (prompt.frontMatter.system)
    messages.push({ role: 'system', content: renderTemplate(prompt.frontMatter.system, vars) });
  messages.push({ role: 'user', content: renderTemplate(prompt.template, vars) });
  return messages;
}
