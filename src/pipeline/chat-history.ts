// A generate case's `messages` history in the request. Without a prompt the history is sent as
// it is. With a prompt, the prompt's system message(s) come first, then the earlier turns, then
// the prompt's rendered user turn (whose {{question}} / {{input}} is the last user message).
import type { GenerateCase } from '../cases/eval-case.js';
import type { ChatMessage } from '../providers/language-model.js';

export function withChatHistory(
  rendered: ChatMessage[],
  evalCase: GenerateCase,
  hasPrompt: boolean,
): ChatMessage[] {
  const history = evalCase.messages;
  if (!history) return rendered;
  if (!hasPrompt) return history;
  const lastUser = history.map((m) => m.role).lastIndexOf('user');
  const earlier = history.slice(0, lastUser);
  const system = rendered.filter((m) => m.role === 'system');
  const rest = rendered.filter((m) => m.role !== 'system');
  return [...system, ...earlier, ...rest];
}
