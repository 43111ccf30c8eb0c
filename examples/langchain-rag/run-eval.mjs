// Starts the fake OpenAI server and runs `evalgate eval --gate` twice: eval/evalgate.yaml (the
// chain, and its HNSWLib store as a retriever) and eval/pgvector.yaml (a LangChain PGVectorStore
// over pgvector as the retriever of the same retrieval suite). Both stores hold the same chunks
// and embeddings and search exactly, so the retrieval suite must rank the same chunks for every
// query, up to the order within ties (the offline embeddings give many chunks the same score);
// that is checked at the end.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startFakeOpenAI } from './app/fake-openai.mjs';

const here = import.meta.dirname;
const bin = path.join(here, 'node_modules/evalgate/dist/cli/main.js');
const runs = [
  { config: 'eval/evalgate.yaml', out: 'reports/hnswlib' },
  { config: 'eval/pgvector.yaml', out: 'reports/pgvector' },
];

const server = await startFakeOpenAI();
let code = 0;
try {
  for (const run of runs) {
    const args = [bin, 'eval', '--gate', '--no-experiment-log', '-c', run.config, '--out', run.out];
    code ||= await evalgate([...args, ...process.argv.slice(2)], server.url);
  }
} finally {
  await server.close();
}
if (code === 0) code = sameRankings('search', runs);
process.exitCode = code;

function evalgate(args, url) {
  const child = spawn(process.execPath, args, {
    cwd: here,
    stdio: 'inherit',
    env: { ...process.env, OPENAI_BASE_URL: url, OPENAI_API_KEY: 'fake-key-for-the-local-server' },
  });
  return new Promise((resolve) => child.on('close', (status) => resolve(status ?? 1)));
}

/** Exit code 1 unless every query of the suite ranked the same chunks (up to ties) in both runs. */
function sameRankings(suite, [a, b]) {
  const [left, right] = [a, b].map((run) => rankings(suite, run.out));
  const differing = [...left.keys()].filter((id) => left.get(id) !== right.get(id));
  if (left.size === 0 || left.size !== right.size || differing.length > 0) {
    console.error(`the two stores ranked differently for: ${differing.join(', ') || 'the case list'}`);
    return 1;
  }
  console.log(`\nHNSWLib and PGVectorStore ranked the same chunks for all ${left.size} ${suite} queries`);
  return 0;
}

function rankings(suite, out) {
  const runsDir = path.join(here, out, 'runs');
  const latest = readdirSync(runsDir).sort().at(-1);
  const lines = readFileSync(path.join(runsDir, latest, 'results.jsonl'), 'utf8').split('\n');
  const byCase = new Map();
  for (const line of lines.filter(Boolean).map((l) => JSON.parse(l))) {
    if (line.suite === suite) byCase.set(line.caseId, tiedGroups(line.retrieval.chunks));
  }
  return byCase;
}

/**
 * The ranking as groups of equal score, each group's chunk ids sorted: `a | b c | 0.4210×2`. The
 * last group is compared by score and size only: the ranking depth may cut a tie there, and each
 * store cuts it its own way. Scores are compared to 4 decimals (HNSWLib computes in float32,
 * pgvector in float64).
 */
function tiedGroups(chunks) {
  const groups = [];
  for (const chunk of chunks) {
    const score = chunk.score.toFixed(4);
    if (groups.at(-1)?.score === score) groups.at(-1).ids.push(chunk.id);
    else groups.push({ score, ids: [chunk.id] });
  }
  const last = groups.pop();
  return [
    ...groups.map((g) => g.ids.sort().join(' ')),
    ...(last ? [`${last.score}×${last.ids.length}`] : []),
  ].join(' | ');
}
