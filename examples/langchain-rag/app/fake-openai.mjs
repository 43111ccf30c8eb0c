// Stand-ins for the OpenAI models, served by evalgate's fake OpenAI server (evalgate/testing):
// embeddings are hashed bags of words (so similar wording retrieves), and the "chat model"
// answers with the context sentence that shares the most words with the question — an
// extractive baseline, enough to exercise a real chain end to end without a network.
import { startFakeOpenAIServer } from 'evalgate/testing';

const STOP = new Set(
  'a an the is are do does can for of to in on with and or what how which who my i you your it'.split(' '),
);
const words = (text) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w));

function embed(text, dimension = 256) {
  const v = new Array(dimension).fill(0);
  for (const w of words(text)) {
    let h = 2166136261;
    for (const ch of w) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    v[(h >>> 0) % dimension] += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function answer(request) {
  const messages = request.body.messages ?? [];
  const human = String(messages.at(-1)?.content ?? '');
  const [, context = '', question = ''] = /Context:\n([\s\S]*)\n\nQuestion: ([\s\S]*)$/.exec(human) ?? [];
  const q = new Set(words(question));
  const best = context
    .split(/(?<=\.)\s+/)
    .map((s) => ({ s: s.trim(), hits: words(s).filter((w) => q.has(w)).length }))
    .sort((a, b) => b.hits - a.hits)[0];
  return best && best.hits >= 2 ? best.s : 'I do not know.';
}

export function startFakeOpenAI() {
  return startFakeOpenAIServer({ embed: (t) => embed(t), embeddingDimension: 256, reply: answer });
}
