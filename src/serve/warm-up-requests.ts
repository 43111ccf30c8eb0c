// What serve's warm-up sends: each served suite's gold texts, as bodies shaped the ways real
// clients send them, so the first real request finds the request path compiled for its shape.
import { pickSuite, type ServedSuite } from './serving-pipeline.js';

/**
 * A warm-up request body. Clients send it with or without `suite` (it may be left out for a
 * route's first suite), and the two parse to objects of different shapes, which the request path
 * meets at different spots: a warm-up of one shape left the other's first real request to fill
 * them in. So odd rounds leave `suite` out wherever that still reaches this suite.
 */
export function warmUpBody(
  suite: ServedSuite,
  sample: string,
  round: number,
  suites: readonly ServedSuite[],
): string {
  const named = round % 2 === 0 || pickSuite(suites, suite.route, undefined) !== suite;
  if (suite.route === 'answer')
    return JSON.stringify(named ? { question: sample, suite: suite.name } : { question: sample });
  return JSON.stringify(named ? { input: sample, suite: suite.name } : { input: sample });
}

/**
 * Gold texts the route accepts: one longer than the input limit would be refused (400), so it is
 * cut to the limit rather than left out (a suite of only long texts still warms up).
 */
export function warmUpSamples(samples: readonly string[], maxChars: number): string[] {
  return [...new Set(samples.map((text) => (text.length > maxChars ? text.slice(0, maxChars) : text)))];
}
