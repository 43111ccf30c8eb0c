// The RAG pipeline counts tokens with the shared tiktoken wrapper.
export { getTokenizer, type Tokenizer } from '../text/tokenizer.js';
