// What the user's own application returns for one case, after mapping: the answer plus what a
// built-in pipeline would have known (the passages it used, its citations, tokens, confidence,
// label). Both the http and the module provider produce this; run-case turns contexts into the
// case's retrieval and passages, so every RAG scorer sees them.

export interface AppContext {
  /** Document id (`<doc>#<n>` collapses to `<doc>`); undefined when the app gave none. */
  id?: string;
  text: string;
  score?: number;
}

export interface AppReply {
  output: string;
  contexts?: AppContext[];
  citations?: string[];
  usage?: { inputTokens: number; outputTokens: number; estimated: boolean };
  confidence?: number;
  label?: string;
}

/** The reply did not have the promised shape; recorded on the case, never thrown past it. */
export class ReplyShapeError extends Error {}
