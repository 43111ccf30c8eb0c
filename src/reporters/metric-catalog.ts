// The metric catalogue lives in src/metrics/ (the gate reads it too); this re-export keeps the
// reporters' older import path working.
export {
  compareMetrics,
  describeMetric,
  type MetricContext,
  type MetricFamily,
  type MetricInfo,
  type MetricUnit,
} from '../metrics/metric-catalog.js';
