import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FlowProducer, Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { Gauge, type Metric } from 'prom-client';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../backends/paths.js';
import { ComputeCancelledError } from '../errors.js';
import { candleColumns, collect, toIpcChunks } from './arrow-io.js';
import { ClusterUnavailableError, ResultUnavailableError, ShardFailedError } from './errors.js';
import { cutShards, jobId, manifestKey, sha256, shardJobId, shardVariants, specKey, validateRequest, type ClusterRequest, type JobSpec, type Shard } from './plan.js';
import { connectRedis, JOB_QUEUE, parseOptions, SHARD_QUEUE, STOP_TTL_S, stopKey, type JobData, type RedisTarget, type ShardData, type ShardProgress } from './protocol.js';
import { ClusterResult } from './result.js';
import { toStore, type ClusterStore } from './store.js';

const optionsSchema = z.object({
  prefix: z.string().regex(/^[A-Za-z0-9_-]+$/).default('bull'),
  workerBudgetBytes: z.number().int().min(64 * 2 ** 20).default(5 * 2 ** 30),
  shardBytes: z.number().int().min(1).default(256 * 2 ** 20),
  maxVariants: z.number().int().min(1).default(100_000_000),
  attempts: z.number().int().min(1).max(100).default(3),
  resultTtlMs: z.number().int().min(1).default(7 * 24 * 3600 * 1000),
  expireEveryMs: z.number().int().min(0).default(3600 * 1000),
  connectTimeoutMs: z.number().int().min(1).default(5000),
  maxResultBytes: z.number().int().min(1).default(2 ** 31),
}).strict();

export interface ClusterOptions {
  /** redis://host:port URL or ioredis options. */
  redis: RedisTarget;
  /** Directory shared by the client and every worker, or a ClusterStore. */
  store: string | ClusterStore;
  /** BullMQ key prefix; workers must use the same. Default 'bull'. */
  prefix?: string;
  /** The workers' maxComputeBytesTotal; no shard's estimate goes above it. Default 5 GiB. */
  workerBudgetBytes?: number;
  /** Target output bytes per shard. Default 256 MiB. */
  shardBytes?: number;
  /** Largest grid accepted. Default 100,000,000 variants. */
  maxVariants?: number;
  /** Tries per shard before the job fails. Default 3. */
  attempts?: number;
  /** Results and candles unused this long are removed by expire(). Default 7 days. */
  resultTtlMs?: number;
  /** How often this client runs expire() by itself (first at creation); 0: never. Default 1 hour. */
  expireEveryMs?: number;
  connectTimeoutMs?: number;
  /** Largest tensor result.values() assembles in memory. Default 2 GiB. */
  maxResultBytes?: number;
}

const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** How long cancel() waits for running shards to stop. */
const CANCEL_WAIT_MS = 120_000;
/** How often result() looks at the job's state even without an event (events are not replayed across a Redis restart). */
const POLL_MS = 1000;

/** A submitted grid: progress events, cancel(), result(). */
export class ClusterJob extends EventEmitter<{ progress: [ShardProgress] }> {
  readonly id: string;
  readonly variants: number;
  readonly shards: readonly Shard[];
  /** True when the store already held the result at submit: nothing was enqueued. */
  readonly cached: boolean;
  private readonly cluster: Cluster;
  private readonly spec: JobSpec;
  private readonly done = new Map<string, number>();
  private processed = 0;
  private cancelled = false;
  private settled: Promise<ClusterResult> | null = null;
  /** @internal wakes result() early on a job event. */
  wake: () => void = () => {};

  constructor(cluster: Cluster, id: string, spec: JobSpec, shards: Shard[], cached: boolean) {
    super();
    this.cluster = cluster;
    this.id = id;
    this.spec = spec;
    this.variants = spec.variants;
    this.shards = shards;
    this.cached = cached;
    if (cached) this.processed = spec.variants;
  }

  get progress(): ShardProgress {
    return { processed: this.processed, total: this.variants };
  }

  /** @internal one shard moved on (events from any worker, in any order). */
  shardProgress(shard: string, processed: number): void {
    if ((this.done.get(shard) ?? 0) >= processed) return;
    this.processed += processed - (this.done.get(shard) ?? 0);
    this.done.set(shard, processed);
    this.emit('progress', this.progress);
  }

  /** The finished result; rejects with ShardFailedError (SHARD_FAILED) or ComputeCancelledError. */
  result(): Promise<ClusterResult> {
    this.settled ??= this.waitResult();
    return this.settled;
  }

  private async waitResult(): Promise<ClusterResult> {
    const c = this.cluster;
    for (;;) {
      if (this.cancelled) throw cancelledError(this.id);
      if (await c.store.has(manifestKey(this.id))) {
        this.processed = this.variants;
        await c.store.touch(specKey(this.id)); // used now: expiry counts from here
        return new ClusterResult(this.id, this.spec, c.store, { maxResultBytes: c.options.maxResultBytes });
      }
      const parent = await Job.fromId<JobData>(c.jobQueue, this.id);
      const state = parent ? await parent.getState() : 'unknown';
      if (state === 'failed') throw failureError(this.id, parent!);
      // The parent writes the manifest before it completes: look again before calling it lost.
      if (state === 'completed' && !(await c.store.has(manifestKey(this.id)))) {
        throw new ResultUnavailableError(`job ${this.id} completed but ${manifestKey(this.id)} is not in the store: the result expired, or the workers use another store`, { job: this.id });
      }
      if (state === 'completed') continue;
      // Cancelled from any client: the parent may never run (no shard left to finish it).
      if ((await c.redis.get(stopKey(c.options.prefix, this.id))) === 'cancelled') throw cancelledError(this.id);
      if (state === 'unknown') {
        throw new ResultUnavailableError(`job ${this.id} is neither in Redis nor in the store (removed, or Redis lost its data without persistence); submit the request again`, { job: this.id });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        this.wake = () => { clearTimeout(timer); resolve(); };
      });
    }
  }

  /**
   * Stops the job: no shard starts any more, running shards stop at their
   * next block and write nothing, waiting shards are removed. Resolves once
   * no shard of this job is running anywhere.
   */
  async cancel(): Promise<void> {
    const c = this.cluster;
    if (await c.store.has(manifestKey(this.id))) return; // finished: nothing to stop
    this.cancelled = true;
    this.wake();
    await c.redis.set(stopKey(c.options.prefix, this.id), 'cancelled', 'EX', STOP_TTL_S);
    const parent = await Job.fromId(c.jobQueue, this.id);
    await parent?.removeUnprocessedChildren().catch(() => {});
    for (const deadline = Date.now() + CANCEL_WAIT_MS; ;) {
      const active = await c.shardQueue.getActive();
      if (!active.some((j) => (j.data as ShardData).job === this.id)) break;
      if (Date.now() > deadline) {
        throw new ClusterUnavailableError(`job ${this.id}: shards still running ${CANCEL_WAIT_MS / 1000} s after cancel(); a worker is not reading Redis (its shards stop once its lock expires)`, { job: this.id });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    // Nothing runs any more: the parent has nothing to wait for.
    await parent?.remove().catch(() => {});
  }
}

function cancelledError(id: string): ComputeCancelledError {
  return new ComputeCancelledError(`cluster job ${id} was cancelled; no shard ran or wrote after the cancel`, { job: id });
}

function failureError(id: string, parent: Job<JobData>): Error {
  const f = parent.data.failure;
  if (f?.code === 'COMPUTE_CANCELLED') return cancelledError(id);
  if (f) return new ShardFailedError(f.message, { job: id, ...f.details });
  return new ShardFailedError(`cluster job ${id} failed: ${parent.failedReason}`, { job: id, cause: { code: 'INTERNAL', message: parent.failedReason } });
}

/** A connection to a ta-grid cluster: submit grids, follow them, read results. */
export class Cluster {
  readonly store: ClusterStore;
  readonly redis: Redis;
  /** @internal */ readonly options: z.infer<typeof optionsSchema>;
  /** BullMQ queue of jobs (one per grid): counts, inspection. */
  readonly jobQueue: Queue;
  /** BullMQ queue of shards: counts (waiting, active, failed), inspection. */
  readonly shardQueue: Queue;
  private readonly flows: FlowProducer;
  private readonly events: QueueEvents[];
  private readonly jobs = new Map<string, Set<ClusterJob>>();
  private readonly expiry: NodeJS.Timeout | null = null;

  /** @internal use createCluster() */
  constructor(redis: Redis, store: ClusterStore, options: z.infer<typeof optionsSchema>, events: QueueEvents[]) {
    this.redis = redis;
    this.store = store;
    this.options = options;
    const conn = { connection: redis, prefix: options.prefix };
    this.jobQueue = new Queue(JOB_QUEUE, conn);
    this.shardQueue = new Queue(SHARD_QUEUE, conn);
    this.flows = new FlowProducer(conn);
    this.events = events;
    const [shardEvents, jobEvents] = events as [QueueEvents, QueueEvents];
    const forShard = (shardId: string, processed: (job: ClusterJob) => number) => {
      for (const job of this.jobs.get(shardId.slice(0, 35)) ?? []) job.shardProgress(shardId, processed(job));
    };
    shardEvents.on('progress', ({ jobId, data }) => forShard(jobId, () => (data as ShardProgress).processed ?? 0));
    shardEvents.on('completed', ({ jobId }) => forShard(jobId, (job) => {
      const s = job.shards.find((x) => shardJobId(job.id, x) === jobId);
      return s ? s.v1 - s.v0 : 0;
    }));
    const wake = ({ jobId }: { jobId: string }) => { for (const job of this.jobs.get(jobId) ?? []) job.wake(); };
    jobEvents.on('completed', wake);
    jobEvents.on('failed', wake);
    if (options.expireEveryMs > 0) {
      const run = () => { this.expire().catch(() => {}); };
      run();
      this.expiry = setInterval(run, options.expireEveryMs).unref();
    }
  }

  /**
   * Validates the request as compute() does (same coded errors), stores the
   * candles once, and enqueues one flow: a parent job and one child per
   * shard. The same request submitted again is the same job (and, once
   * finished, is answered from the store without computing).
   */
  async submit(request: ClusterRequest): Promise<ClusterJob> {
    const o = this.options;
    const limits = { workerBudgetBytes: o.workerBudgetBytes, shardBytes: o.shardBytes, maxVariants: o.maxVariants };
    const { plan, candles, reducer, reducerHash, keepTensor } = validateRequest(request, limits);
    const cut = cutShards(plan.grid.axes.map((a) => a.values.length), shardVariants(plan, limits));
    const candleBytes = await collect(toIpcChunks(candleColumns(candles), { kind: 'candles', t: candles.t }));
    const candlesKey = `candles/${sha256(candleBytes)}.arrow`;
    if (await this.store.has(candlesKey)) await this.store.touch(candlesKey);
    else await this.store.put(candlesKey, candleBytes);
    const spec: JobSpec = {
      version: 1, taGrid: VERSION, indicator: plan.indicator.id, t: candles.t, variants: plan.grid.variants,
      axes: plan.grid.axes.map((a) => ({ name: a.name, values: [...a.values] })),
      outputs: plan.outputs, dtype: plan.dtype, layout: plan.layout, candles: candlesKey,
      splitAxis: cut.splitAxis, splitWidth: cut.splitWidth, reducer, reducerHash, keepTensor,
    };
    const id = jobId(spec);
    const specBytes = Buffer.from(JSON.stringify(spec));
    if (await this.store.has(manifestKey(id))) {
      await this.store.touch(specKey(id));
      return this.track(new ClusterJob(this, id, spec, cut.shards, true));
    }
    if (!(await this.store.has(specKey(id)))) await this.store.put(specKey(id), specBytes);
    else await this.store.touch(specKey(id));
    await this.clearStale(id);
    const age = Math.ceil(o.resultTtlMs / 1000);
    await this.flows.add({
      name: 'grid', queueName: JOB_QUEUE, data: { job: id, shards: cut.shards.length, variants: spec.variants } satisfies JobData,
      opts: { jobId: id, removeOnComplete: { age }, removeOnFail: { age } },
      children: cut.shards.map((s) => ({
        name: 'shard', queueName: SHARD_QUEUE, data: { job: id, index: s.index, v0: s.v0, v1: s.v1 } satisfies ShardData,
        opts: {
          jobId: shardJobId(id, s), attempts: o.attempts, backoff: { type: 'exponential', delay: 500 },
          // The parent runs as soon as a shard fails for good: it stops the others and fails the job.
          continueParentOnFailure: true, removeOnComplete: true, removeOnFail: { age },
        },
      })),
    });
    return this.track(new ClusterJob(this, id, spec, cut.shards, false));
  }

  /** A previous run of the same job that failed or was cancelled is cleared so the new submit runs it again. */
  private async clearStale(id: string): Promise<void> {
    const parent = await Job.fromId(this.jobQueue, id);
    const state = parent ? await parent.getState() : 'unknown';
    if (state === 'failed' || state === 'completed') {
      await parent!.remove({ removeChildren: true }).catch((e: Error) => {
        throw new ClusterUnavailableError(`job ${id} from an earlier run still has a shard running (${e.message}); submit again once it stops (within lockDurationMs)`, { job: id });
      });
    }
    if (state === 'failed' || state === 'completed' || state === 'unknown') await this.redis.del(stopKey(this.options.prefix, id));
  }

  private track(job: ClusterJob): ClusterJob {
    let set = this.jobs.get(job.id);
    if (!set) this.jobs.set(job.id, (set = new Set()));
    set.add(job);
    const untrack = () => set!.delete(job);
    job.result().then(untrack, untrack);
    return job;
  }

  /**
   * prom-client collectors (register them on the service's registry): shards
   * and jobs by queue state, read from Redis at each scrape.
   */
  metrics(): Metric[] {
    const counts = (name: string, help: string, queue: Queue) => new Gauge({
      name, help, labelNames: ['state'] as const, registers: [],
      async collect() {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'waiting-children', 'prioritized');
        for (const [state, n] of Object.entries(c)) this.set({ state }, n);
      },
    });
    return [
      counts('ta_grid_cluster_queue_shards', 'shards in the queue by state', this.shardQueue),
      counts('ta_grid_cluster_queue_jobs', 'grid jobs in the queue by state (waiting-children: shards still running)', this.jobQueue),
    ];
  }

  /** Removes results and candles unused for resultTtlMs (and temp files of writers that died). */
  async expire(): Promise<{ removed: number }> {
    const before = Date.now() - this.options.resultTtlMs;
    const removed = (await this.store.expire('results', before)) + (await this.store.expire('candles', before));
    return { removed };
  }

  async close(): Promise<void> {
    if (this.expiry) clearInterval(this.expiry);
    await Promise.allSettled([...this.events.map((e) => e.close()), this.jobQueue.close(), this.shardQueue.close(), this.flows.close()]);
    for (const e of this.events) (await e.client).disconnect();
    this.redis.disconnect();
  }
}

/** Connects to Redis (failing fast with CLUSTER_UNAVAILABLE) and opens the queues. */
export async function createCluster(options: ClusterOptions): Promise<Cluster> {
  const { redis: _r, store: _s, ...rest } = (options ?? {}) as ClusterOptions;
  const parsed = parseOptions(optionsSchema, rest, 'createCluster()');
  const store = toStore(options.store);
  const redis = await connectRedis(options.redis, parsed.connectTimeoutMs);
  const events = [SHARD_QUEUE, JOB_QUEUE].map((q) => new QueueEvents(q, { connection: redis.duplicate(), prefix: parsed.prefix }));
  await Promise.all(events.map((e) => e.waitUntilReady()));
  return new Cluster(redis, store, parsed, events);
}
