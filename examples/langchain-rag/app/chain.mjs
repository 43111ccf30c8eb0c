// A LangChain.js RAG chain, as a team would write it: markdown help articles split with
// RecursiveCharacterTextSplitter, embedded with OpenAIEmbeddings into an HNSWLib vector store
// (hnswlib-node), retrieved top-3, stuffed into a ChatPromptTemplate and answered by ChatOpenAI.
// The OpenAI endpoints come from OPENAI_BASE_URL (run-eval.mjs points them at evalgate's fake
// OpenAI server, so the example runs offline).
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { loadChunks } from './load-chunks.mjs';

const configuration = { baseURL: process.env.OPENAI_BASE_URL };
const apiKey = process.env.OPENAI_API_KEY ?? 'no-key';
const chunks = await loadChunks();

const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small', apiKey, configuration });
/** The vector store itself, for `rag.retriever` (evaluated as a retriever on its own). */
export const vectorStore = await HNSWLib.fromDocuments(chunks, embeddings, { space: 'cosine' });
const retriever = vectorStore.asRetriever({ k: 3 });

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'Answer the question using only the context. If the context does not contain the answer, say you do not know.',
  ],
  ['human', 'Context:\n{context}\n\nQuestion: {question}'],
]);
const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0, apiKey, configuration });
const formatDocs = (docs) => docs.map((d) => d.pageContent).join('\n\n');

/** `invoke({question})` → `{question, context: Document[], answer}`. */
export const chain = RunnablePassthrough.assign({
  context: RunnableSequence.from([(input) => input.question, retriever]),
}).assign({
  answer: RunnableSequence.from([
    (input) => ({ question: input.question, context: formatDocs(input.context) }),
    prompt,
    llm,
    new StringOutputParser(),
  ]),
});
