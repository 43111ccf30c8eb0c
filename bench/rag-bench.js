// RAG index benchmark: a seeded synthetic corpus (~5 MB of markdown, ~10,000 chunks) is chunked,
// embedded (local/hash@512 unless --embedder names another local embedder, e.g. local/lsa) and
// indexed (HNSW), then we measure hybrid query latency, HNSW recall@10 against exact search at
// the default efSearch, persisted-index load time and the unchanged-corpus check. Prints one
// JSON line. Run after `npm run build`:
//   node bench/rag-bench.js [--keep] [--embedder local/hash|local/lsa]
// Targets (2-core machine): build < 10 s, hybrid p50 < 2 ms, p99 < 10 ms, recall@10 >= 0.99,
// load < 200 ms, unchanged check < 100 ms.
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../dist/core/rng.js';
import {
  buildOrLoadIndex,
  createExactStore,
  createRetriever,
  DEFAULT_EF_SEARCH,
  indexStatus,
  loadRagIndex,
  localEmbedderFactory,
} from '../dist/rag/index.js';

const embedderArg = process.argv.indexOf('--embedder');
const EMBEDDER = embedderArg > 0 ? process.argv[embedderArg + 1] : 'local/hash';
const embedderFactory = localEmbedderFactory(EMBEDDER);
if (!embedderFactory) throw new Error(`--embedder: unknown local embedder "${EMBEDDER}"`);

const SEED = 20240601;
const TARGET_BYTES = 5_000_000;
const QUERIES = 1000;

const random = createRng(SEED).next;
const int = (n) => Math.floor(random() * n);
// English-like text: real stems with common suffixes tokenise like real prose (~4-5 chars/token).
const STEMS = (
  'account bill charge refund invoice payment plan seat card bank transfer password reset login token session ' +
  'network server cache latency request response error timeout retry queue worker job schedule deploy release build ' +
  'test suite report metric score model prompt context chunk index search query vector embed rank filter sort page ' +
  'user admin role group team owner member policy rule limit quota usage cost price tax region zone cluster node disk ' +
  'memory file folder upload download export import sync backup restore archive delete update create read write lock ' +
  'email notify alert message channel webhook event stream log trace debug monitor status health check config setting ' +
  'domain record certificate key secret vault encrypt sign verify scan audit review approve merge branch commit'
).split(' ');
const SUFFIXES = ['', '', '', 's', 'ed', 'ing', 'er', 'ment', 'able'];
const word = () => STEMS[int(STEMS.length)] + SUFFIXES[int(SUFFIXES.length)];
const general = Array.from({ length: 3000 }, word);
const FUNCTION_WORDS = [
  'the',
  'a',
  'of',
  'to',
  'and',
  'in',
  'is',
  'for',
  'on',
  'with',
  'by',
  'it',
  'that',
  'as',
];
const TOPICS = 200;
const topicWords = Array.from({ length: TOPICS }, () => Array.from({ length: 40 }, word));
// Zipf-like pick: low indices far more often.
const zipf = (list) => list[Math.floor(list.length * random() ** 2.5)];

function sentence(topic) {
  const n = 8 + int(14);
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    out.push(
      r < 0.35
        ? FUNCTION_WORDS[int(FUNCTION_WORDS.length)]
        : r < 0.7
          ? zipf(topicWords[topic])
          : zipf(general),
    );
  }
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

function document(topic) {
  const parts = [`# ${zipf(topicWords[topic])} ${zipf(general)}`];
  const sections = 1 + int(4);
  for (let s = 0; s < sections; s++) {
    if (s > 0) parts.push(`## ${zipf(topicWords[topic])} ${zipf(topicWords[topic])}`);
    const paragraphs = 1 + int(3);
    for (let p = 0; p < paragraphs; p++)
      parts.push(Array.from({ length: 2 + int(5) }, () => sentence(topic)).join(' '));
  }
  return `${parts.join('\n\n')}\n`;
}

function writeCorpus(root) {
  rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  let n = 0;
  while (bytes < TARGET_BYTES) {
    const topic = int(TOPICS);
    const dir = join(root, `topic-${String(topic).padStart(3, '0')}`);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    const text = document(topic);
    writeFileSync(join(dir, `doc-${String(n).padStart(5, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
    n++;
  }
  return { files: n, bytes };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function main() {
  const root = join(tmpdir(), `evalgate-rag-bench-${SEED}`);
  const corpusPath = join(root, 'corpus');
  const indexDir = join(root, 'index');
  const corpus = writeCorpus(corpusPath);
  rmSync(indexDir, { recursive: true, force: true });

  const options = {
    corpusPath,
    dir: indexDir,
    chunking: { size: 160, overlap: 16, unit: 'tokens' },
    embedder: embedderFactory,
    store: { kind: 'hnsw', m: 16, efConstruction: 200, seed: 42 },
  };

  const phases = {};
  let phaseStart = performance.now();
  let last = '';
  const onProgress = ({ phase, done, total }) => {
    if (phase !== last) {
      const now = performance.now();
      if (last) phases[last] = round((phases[last] ?? 0) + now - phaseStart, 0);
      phaseStart = now;
      last = phase;
    }
    if (done === total && phase === 'save') phases.save = round(performance.now() - phaseStart, 0);
  };
  let t = performance.now();
  const built = await buildOrLoadIndex({ ...options, onProgress });
  const buildMs = performance.now() - t;
  if (built.reused) throw new Error('expected a fresh build');

  t = performance.now();
  const status = await indexStatus(options);
  const unchangedCheckMs = performance.now() - t;
  if (!status.upToDate) throw new Error('expected the index to be up to date');

  t = performance.now();
  const loaded = await loadRagIndex(status.path, status.manifest, { embedder: options.embedder });
  const loadMs = performance.now() - t;

  t = performance.now();
  const reused = await buildOrLoadIndex(options);
  const reuseTotalMs = performance.now() - t;
  if (!reused.reused) throw new Error('expected the second build to reuse the index');

  const index = reused.index;
  const chunks = index.chunks;
  const queries = Array.from({ length: QUERIES }, () => {
    const words = chunks[int(chunks.length)].text.replace(/^#+ /gm, '').split(/\s+/);
    const from = int(Math.max(1, words.length - 8));
    return words.slice(from, from + 3 + int(6)).join(' ');
  });

  const retriever = createRetriever({ index, mode: 'hybrid', k: 10 });
  for (const q of queries.slice(0, 50)) await retriever.retrieve(q); // warm-up
  const latencies = [];
  for (const q of queries) {
    const start = performance.now();
    await retriever.retrieve(q);
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);

  // Recall@10 of HNSW at the default efSearch against brute force over the same vectors. A
  // returned label counts when its exact score reaches the 10th-best exact score, so ties at the
  // cut-off (common with hashed features) are not miscounted as misses.
  const vectors = chunks.map((_, label) => index.vectors.vector(label));
  const exact = createExactStore({ dimension: index.embedder.dimension });
  exact.add(vectors);
  const queryVectors = await index.embedder.embed(queries);
  const dot = (a, b) => {
    let s = 0;
    for (let j = 0; j < a.length; j++) s += a[j] * b[j];
    return s;
  };
  let found = 0;
  let wanted = 0;
  for (const v of queryVectors) {
    const truth = exact.search(v, 10);
    const tenth = truth[truth.length - 1].score;
    const approx = index.vectors.search(v, 10);
    wanted += truth.length;
    found += Math.min(truth.length, approx.filter((h) => dot(vectors[h.label], v) >= tenth - 1e-6).length);
  }

  const result = {
    bench: 'rag',
    embedder: embedderFactory.id,
    corpus: {
      files: corpus.files,
      megabytes: round(corpus.bytes / 1e6),
      chunks: chunks.length,
      loadedChunks: loaded.chunks.length,
    },
    buildMs: round(buildMs, 0),
    buildPhasesMs: phases,
    hybridQueryP50Ms: round(percentile(latencies, 50), 3),
    hybridQueryP99Ms: round(percentile(latencies, 99), 3),
    efSearch: DEFAULT_EF_SEARCH,
    recallAt10: round(found / wanted, 4),
    loadMs: round(loadMs, 1),
    reuseTotalMs: round(reuseTotalMs, 1),
    unchangedCheckMs: round(unchangedCheckMs, 1),
  };
  result.pass =
    result.buildMs < 10_000 &&
    result.hybridQueryP50Ms < 2 &&
    result.hybridQueryP99Ms < 10 &&
    result.recallAt10 >= 0.99 &&
    result.loadMs < 200 &&
    result.unchangedCheckMs < 100;
  console.log(JSON.stringify(result));
  if (!process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
}

await main();
