// Which way is better for a metric, as the gate needs it: read from the metric catalogue
// (src/metrics/), the one place metric ids are described.
import { metricDirection } from '../metrics/metric-catalog.js';

export function higherIsBetter(metric: string): boolean {
  return metricDirection(metric) === 'higher-is-better';
}
