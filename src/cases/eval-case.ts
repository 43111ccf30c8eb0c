// A validated gold case, normalised across task kinds (references always a list, relevant
// docs always graded).
import type { Assertion } from '../assertions/assertion-schema.js';
import type { ChatMessage } from '../providers/language-model.js';

interface CaseBase {
  id: string;
  tags: string[];
  /** 1-based line in the cases file, for error messages. */
  line: number;
  /** Placeholders like `{{name}}` found in the case's text fields (bias probes). */
  placeholders: string[];
  /** Free-form values for the request templates of http/module providers (`{{vars.x}}`). */
  vars?: Record<string, unknown>;
  /** The case's own assertions (suite-level `assert` defaults are added when scoring). */
  assert?: Assertion[];
}

export interface QaCase extends CaseBase {
  task: 'rag-qa' | 'qa';
  question: string;
  references: string[];
  unanswerable: boolean;
  relevantDocs?: Record<string, number>;
  context?: string;
}

export interface ClassifyCase extends CaseBase {
  task: 'classify';
  input: string;
  label: string;
}

export interface RetrievalCase extends CaseBase {
  task: 'retrieval';
  query: string;
  relevantDocs: Record<string, number>;
}

export interface McqCase extends CaseBase {
  task: 'mcq';
  context: string;
  question: string;
  options: string[];
  label: number;
  condition: 'ambiguous' | 'disambiguated';
  polarity?: 'neg' | 'nonneg';
  biasedOption: number;
  unknownOption: number;
  category?: string;
}

export interface GenerateCase extends CaseBase {
  task: 'generate';
  /** The input, or the content of the last user message of `messages`. */
  input: string;
  messages?: ChatMessage[];
}

export type EvalCase = QaCase | ClassifyCase | RetrievalCase | McqCase | GenerateCase;

/** The text the model is asked about: question, classify input or retrieval query. */
export function caseInput(c: EvalCase): string {
  switch (c.task) {
    case 'classify':
    case 'generate':
      return c.input;
    case 'retrieval':
      return c.query;
    default:
      return c.question;
  }
}
