// The variables a request template of an http/module provider can use, taken from one
// generate request: the case id and input, its `vars`, and the rendered prompt.
import type { GenerateRequest } from '../language-model.js';
import type { TemplateVariables } from './render-template.js';

export function templateVariables(request: GenerateRequest): TemplateVariables {
  const input = request.inputs?.question ?? request.messages.at(-1)?.content ?? '';
  return {
    id: request.caseId ?? '',
    input,
    question: input,
    // One message: its text. A chat prompt: every message's text, in order.
    prompt:
      request.messages.length === 1
        ? request.messages[0].content
        : request.messages.map((m) => m.content).join('\n\n'),
    messages: request.messages,
    vars: request.inputs?.vars ?? {},
  };
}
