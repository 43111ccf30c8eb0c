// A configured model ready to call: the provider config it came from, the LanguageModel port
// (with cache, retries and latency already wrapped around it) and how reports name it.
import type { ProviderConfig } from '../config/schema.js';
import type { LanguageModel } from './language-model.js';

export interface ModelHandle {
  id: string;
  provider: string;
  model: string;
  config: ProviderConfig;
  languageModel: LanguageModel;
  baseUrl?: string;
  /** Replay providers: whether the outputs file has an answer for this case id. */
  hasCase?: (caseId: string) => boolean;
}
