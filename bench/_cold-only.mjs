import { readFileSync } from 'node:fs';
import { benchColdStart } from './serve-cold-start.js';
import { startServerProcess } from './serve-load.js';
const intent = readFileSync('test_cases/intent.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((l) => ({
    method: 'POST',
    path: '/v1/classify',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: JSON.parse(l).input }),
  }));
const row = (name, value) => console.log(name.slice(0, 60), '|', value.slice(0, 160));
const r = await benchColdStart({
  row,
  intent,
  startServer: () => startServerProcess('bench/serve-bench-server.js', ['sample']),
});
await r.server.stop();
