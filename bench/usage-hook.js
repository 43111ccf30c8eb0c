// Preloaded into a benchmarked child with `node --import <this file> ...`: when the child exits,
// its own CPU time and peak resident set size are written as JSON to $EVALGATE_BENCH_USAGE_FILE,
// so the benchmark measures the eval process alone (the fake model server runs elsewhere).
import { writeFileSync } from 'node:fs';

const file = process.env.EVALGATE_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', (code) => {
    const cpu = process.cpuUsage();
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        userMicros: cpu.user,
        systemMicros: cpu.system,
        // resourceUsage().maxRSS is in kilobytes.
        maxRssBytes: usage.maxRSS * 1024,
        uptimeMs: process.uptime() * 1000,
        exitCode: code,
      }),
    );
  });
}
