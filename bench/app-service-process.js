// A loopback "application" in a process of its own, for bench/app-provider-bench.js: answers
// every POST with the same JSON a RAG service would (answer, three contexts, usage), so the
// benchmark counts only the client's CPU. Prints `{"url": ...}`; exits when stdin closes.
import { createServer } from 'node:http';

const reply = JSON.stringify({
  answer: 'Annual plans can be refunded in full within 14 days of purchase.',
  contexts: [
    {
      id: 'billing/refunds.md#0',
      text: 'Annual plans can be refunded in full within 14 days of purchase.',
      score: 0.91,
    },
    { id: 'billing/refunds.md#1', text: 'Monthly plans are not refunded for partial months.', score: 0.62 },
    { id: 'billing/prices.md#0', text: 'The Pro plan costs 8 dollars per user per month.', score: 0.4 },
  ],
  usage: { input_tokens: 412, output_tokens: 18 },
});
const server = createServer({ keepAlive: true }, (req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply) });
    res.end(reply);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
