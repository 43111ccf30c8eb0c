export { loadPrompt, TASK_VARIABLES, type LoadedPrompt } from './load-prompt.js';
export { renderPrompt, type PromptValues } from './render-prompt.js';
export { selectFewShot, formatFewShot, parseFewShot } from './few-shot.js';
export { parsePromptFile, type PromptFrontMatter } from './prompt-file.js';
export { renderTemplate, templateVariables } from './template.js';
