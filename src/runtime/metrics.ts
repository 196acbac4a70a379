import { Counter, Gauge, Histogram, type Metric } from 'prom-client';

/**
 * prom-client collectors for one engine. They are not registered anywhere:
 * a service registers them on its own registry (`registry.registerMetric(m)`
 * for each of `engine.metrics()`).
 */
export class EngineMetrics {
  readonly computeSeconds = new Histogram({
    name: 'ta_grid_compute_duration_seconds', help: 'compute() wall time', labelNames: ['indicator', 'backend'] as const, registers: [],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  readonly variants = new Counter({ name: 'ta_grid_variants_computed_total', help: 'variants computed', labelNames: ['indicator'] as const, registers: [] });
  readonly bytes = new Counter({ name: 'ta_grid_bytes_computed_total', help: 'output bytes written', labelNames: ['indicator'] as const, registers: [] });
  readonly errors = new Counter({ name: 'ta_grid_errors_total', help: 'failed calls by error code', labelNames: ['code'] as const, registers: [] });
  readonly warmupSeconds = new Gauge({ name: 'ta_grid_warmup_seconds', help: 'duration of the last warmup', registers: [] });
  readonly artifacts = new Counter({ name: 'ta_grid_artifact_cache_total', help: 'artifact cache lookups at warmup', labelNames: ['result'] as const, registers: [] });
  readonly queueDepth: Gauge;
  readonly activeWorkers: Gauge;

  constructor(pool: () => { queueDepth: number; activeWorkers: number } | null) {
    this.queueDepth = new Gauge({
      name: 'ta_grid_queue_depth', help: 'chunks waiting for a worker', registers: [],
      collect() { this.set(pool()?.queueDepth ?? 0); },
    });
    this.activeWorkers = new Gauge({
      name: 'ta_grid_active_workers', help: 'workers running a kernel', registers: [],
      collect() { this.set(pool()?.activeWorkers ?? 0); },
    });
  }

  all(): Metric[] {
    return [this.computeSeconds, this.variants, this.bytes, this.errors, this.warmupSeconds, this.artifacts, this.queueDepth, this.activeWorkers];
  }
}
