// `local/extractive`: the deterministic offline baseline behind the LanguageModel port. It reads
// the structured inputs (question, context passages, labels, few-shot examples), not the prose
// prompt, and reports token counts estimated with tiktoken so cost columns stay honest (0 USD).
import type { GenerateRequest, GenerateResult, LanguageModel, FewShotExample } from '../language-model.js';
import { answerFromContext } from './extractive-answerer.js';
import type { FewShotClassifier } from './classifier.js';
import {
  DEFAULT_CLASSIFIER,
  FEW_SHOT_CLASSIFIERS,
  type FewShotClassifierName,
} from './classifier-registry.js';
import { pickOption } from './option-picker.js';

export interface LocalExtractiveOptions {
  id?: string;
  /** Share of the question's (IDF-weighted) content words a sentence must cover to be used. */
  minCoverage?: number;
  /** Sentences per answer: the best one, plus the next when it continues the same passage. */
  maxSentences?: number;
  /** Classifier for classify tasks, trained on the request's few-shot examples only. */
  classifier?: FewShotClassifierName;
  countTokens?: (text: string) => number;
  /** Truncates an answer to `max_tokens`, as a real model stops at its token limit. */
  truncateTokens?: (text: string, maxTokens: number) => string;
}

export function createLocalExtractiveModel(options: LocalExtractiveOptions = {}): LanguageModel {
  const id = options.id ?? 'local/extractive';
  const minCoverage = options.minCoverage ?? 0.3;
  const train = FEW_SHOT_CLASSIFIERS[options.classifier ?? DEFAULT_CLASSIFIER];
  // Few-shot arrays are selected once per run, so one trained model per array is reused.
  const classifiers = new WeakMap<FewShotExample[], FewShotClassifier>();

  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const inputs = request.inputs;
    if (!inputs) throw new Error('local/extractive needs structured inputs');
    let text: string;
    let confidence: number;
    let labelProbabilities: Record<string, number> | undefined;
    if (inputs.task === 'classify') {
      const labels = inputs.labels ?? [];
      const examples = inputs.fewShot ?? [];
      let classifier = classifiers.get(examples);
      if (!classifier) {
        classifier = train(examples, labels);
        classifiers.set(examples, classifier);
      }
      const result = classifier(inputs.question ?? '');
      text = result.label;
      confidence = result.confidence;
      labelProbabilities = result.probabilities;
    } else if (inputs.task === 'mcq') {
      const choices = inputs.options ?? [];
      const picked = pickOption({
        context: inputs.context?.map((p) => p.text).join('\n') ?? '',
        question: inputs.question ?? '',
        choices,
      });
      text = choices[picked.index] ?? '';
      confidence = picked.confidence;
    } else {
      const answer = answerFromContext({
        question: inputs.question ?? '',
        passages: inputs.context ?? [],
        minCoverage,
        maxSentences: options.maxSentences,
      });
      text = answer.text;
      confidence = answer.confidence;
    }
    let finishReason = 'stop';
    if (request.maxTokens !== undefined && options.truncateTokens) {
      const truncated = options.truncateTokens(text, request.maxTokens);
      if (truncated !== text) {
        text = truncated;
        finishReason = 'length';
      }
    }
    const count = options.countTokens;
    const usage = count
      ? {
          inputTokens: request.messages.reduce((n, m) => n + count(m.content), 0),
          outputTokens: count(text),
          estimated: true,
        }
      : undefined;
    return { text, confidence, labelProbabilities, usage, finishReason, model: 'extractive' };
  };

  return { id, provider: 'local', model: id.slice('local/'.length), cacheable: false, generate };
}
