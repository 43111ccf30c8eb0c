// A small RAG service on node:http, standing in for "your app": it retrieves passages from
// ./docs by term overlap and answers with the best-supported sentence. POST /answer takes
// {question, top_k?} and returns {answer, contexts: [{id, text, score}], usage}. It requires
// `Authorization: Bearer <APP_TOKEN>` when APP_TOKEN is set, as a real service would.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const STOP = new Set(
  'a an the is are do does can for of to in on with and or what how which who my i'.split(' '),
);
const terms = (text) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t && !STOP.has(t));

export function loadPassages(dir) {
  const passages = [];
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/^#.*$/m, '').trim())
      .filter(Boolean)
      .forEach((p, i) => passages.push({ id: `${file}#${i}`, text: p, terms: new Set(terms(p)) }));
  }
  return passages;
}

export function answer(passages, question, topK = 2) {
  const q = terms(question);
  const ranked = passages
    .map((p) => ({ p, score: q.filter((t) => p.terms.has(t)).length / Math.max(1, q.length) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || (a.p.id < b.p.id ? -1 : 1))
    .slice(0, topK);
  const sentences = ranked.flatMap((r) => r.p.text.split(/(?<=\.)\s+/));
  const best = sentences
    .map((s) => ({ s, hits: q.filter((t) => terms(s).includes(t)).length }))
    .sort((a, b) => b.hits - a.hits)[0];
  return {
    answer: best && best.hits > 0 ? best.s : "I don't know.",
    contexts: ranked.map((r) => ({ id: r.p.id, text: r.p.text, score: Math.round(r.score * 1000) / 1000 })),
    usage: { input_tokens: q.length, output_tokens: best ? terms(best.s).length : 3 },
  };
}

export function startRagService({ port = 0, docs = path.join(import.meta.dirname, '../docs'), token } = {}) {
  const passages = loadPassages(docs);
  const server = createServer((req, res) => {
    const send = (status, body) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (req.method === 'GET' && req.url === '/health') return send(200, { ok: true });
    if (req.method !== 'POST' || req.url !== '/answer') return send(404, { error: 'not found' });
    if (token && req.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'unauthorized' });
    let body = '';
    req.on('data', (c) => {
      body += c;
      if (body.length > 64 * 1024) req.destroy();
    });
    req.on('end', () => {
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(400, { error: 'body is not JSON' });
      }
      if (typeof parsed.question !== 'string') return send(400, { error: 'question must be a string' });
      send(200, answer(passages, parsed.question, parsed.top_k ?? 2));
    });
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const service = await startRagService({
    port: Number(process.env.PORT ?? 8080),
    token: process.env.APP_TOKEN,
  });
  console.log(`rag service listening on ${service.url}`);
}
