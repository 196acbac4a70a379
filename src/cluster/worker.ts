import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Table } from 'apache-arrow';
import { sharedFloat64 } from '../candles/candles.js';
import { Job, Queue, UnrecoverableError, Worker, type Processor } from 'bullmq';
import { Counter, Histogram, type Metric } from 'prom-client';
import { createEngine, Engine } from '../engine/engine.js';
import type { ComputeResult } from '../engine/result.js';
import { TaGridError } from '../errors.js';
import type { EngineOptions } from '../runtime/config.js';
import { defaultLogger, type Logger } from '../runtime/logger.js';
import { readIpc, toIpcChunks } from './arrow-io.js';
import { manifestKey, sha256, shardGrid, shardKey, specKey, specShards, type JobSpec } from './plan.js';
import { z } from 'zod';
import { connectRedis, decodeError, encodeError, JOB_QUEUE, parseOptions, SHARD_QUEUE, STOP_TTL_S, stopKey, type Failure, type JobData, type RedisTarget, type ShardData } from './protocol.js';
import { toStore, type ClusterStore } from './store.js';

export interface WorkerOptions {
  redis: RedisTarget;
  store: string | ClusterStore;
  /** Shards computed at once (each uses the whole engine pool). Default 1. */
  concurrency?: number;
  /** Engine options (one engine per worker), or an engine the caller owns and closes. */
  engine?: EngineOptions | Engine;
  /** BullMQ key prefix, as given to createCluster(). Default 'bull'. */
  prefix?: string;
  /** Reducer module paths this worker may load; any other is refused. */
  reducers?: readonly string[];
  /** A shard whose worker stops renewing its lock for this long is given to another worker. Default 30 s. */
  lockDurationMs?: number;
  /** How often stalled shards are looked for. Default 30 s. */
  stalledIntervalMs?: number;
  connectTimeoutMs?: number;
  logger?: Logger;
}

export interface ClusterWorker {
  readonly engine: Engine;
  /** prom-client collectors: this worker's shards (by result), their duration and bytes stored, and its engine's. */
  metrics(): Metric[];
  /** Stops taking shards, lets the running ones finish, then closes the engine (unless the caller owns it). */
  close(): Promise<void>;
}

const workerSchema = z.object({
  concurrency: z.number().int().min(1).max(1024).default(1),
  prefix: z.string().regex(/^[A-Za-z0-9_-]+$/).default('bull'),
  reducers: z.array(z.string().min(1)).default([]),
  lockDurationMs: z.number().int().min(100).default(30_000),
  stalledIntervalMs: z.number().int().min(100).default(30_000),
  connectTimeoutMs: z.number().int().min(1).default(5000),
}).strict();

/** ta-grid error codes a retry on the same or another worker can fix. */
const TRANSIENT = new Set(['WORKER_CRASHED', 'ENGINE_CLOSED', 'WARMUP_FAILED']);
/** How often a running shard looks at its job's stop flag. */
const STOP_POLL_MS = 200;
const PROGRESS_EVERY_MS = 250;

type Reducer = (shard: ComputeResult, range: { v0: number; v1: number }) => unknown;

/** A small map that forgets its oldest entry past `size`. */
function memo<T>(size: number, load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let p = cache.get(key);
    if (!p) {
      p = load(key);
      p.catch(() => cache.delete(key));
      cache.set(key, p);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return p;
  };
}

class StopError extends Error {}

/**
 * Starts a worker: one engine, pulling shards (and finishing jobs) from the
 * cluster's queues, writing each shard's tensor into the store as Arrow IPC.
 */
export async function startWorker(options: WorkerOptions): Promise<ClusterWorker> {
  const logger = options.logger ?? defaultLogger();
  const { redis: _r, store: _s, engine: _e, logger: _l, ...rest } = (options ?? {}) as WorkerOptions;
  const o = parseOptions(workerSchema, rest, 'startWorker()');
  const prefix = o.prefix;
  const store = toStore(options.store);
  const ownsEngine = !(options.engine instanceof Engine);
  const engine = options.engine instanceof Engine ? options.engine : await createEngine({ logger, ...(options.engine ?? {}) });
  await engine.warmup();
  const redis = await connectRedis(options.redis, o.connectTimeoutMs);
  const allowed = new Set(o.reducers.map((r) => path.resolve(r)));

  const spec = memo(64, async (job: string) => JSON.parse(Buffer.from(await store.get(specKey(job))).toString('utf8')) as JobSpec);
  // Columns as float64 over shared memory, which compute() reads in place (no copy per shard).
  const candles = memo(4, async (key: string) => sharedColumns(readIpc(await store.get(key), key).table));
  // Keyed by path and source hash: a reducer changed on disk is loaded again (from a fresh URL), never confused with the old one.
  const reducer = memo(16, async (key: string): Promise<Reducer> => {
    const [p, hash] = JSON.parse(key) as [string, string];
    if (!allowed.has(path.resolve(p))) {
      throw new UnrecoverableError(encodeError('INVALID_REQUEST', `reducer ${p} is not allowed on this worker; start it with --reducer ${p} (reducers option)`));
    }
    const here = await readFile(path.resolve(p)).then(sha256, () => null);
    if (here !== hash) {
      throw new UnrecoverableError(encodeError('INVALID_REQUEST', `reducer ${p} on this worker ${here ? 'differs from' : 'is missing, unlike'} the one the job was submitted with; deploy the same file to every worker`));
    }
    const mod = (await import(`${pathToFileURL(path.resolve(p)).href}?sha256=${hash}`)) as { reduce?: unknown; default?: unknown };
    const fn = mod.reduce ?? mod.default;
    if (typeof fn !== 'function') throw new UnrecoverableError(encodeError('INVALID_REQUEST', `reducer ${p} exports no reduce() function (export function reduce(shard, { v0, v1 }))`));
    return fn as Reducer;
  });

  const stopped = async (job: string) => (await redis.get(stopKey(prefix, job))) !== null;
  const shardsTotal = new Counter({ name: 'ta_grid_cluster_shards_total', help: 'shards this worker finished, by result (done, failed, stopped)', labelNames: ['result'] as const, registers: [] });
  const shardSeconds = new Histogram({
    name: 'ta_grid_cluster_shard_duration_seconds', help: 'shard wall time: compute, reducer and store writes', registers: [],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  });
  const storedBytes = new Counter({ name: 'ta_grid_cluster_store_bytes_total', help: 'bytes of shard tensors and summaries written to the store', registers: [] });

  const processShard: Processor<ShardData> = async (job, _token, signal) => {
    const { job: id, index, v0, v1 } = job.data;
    if (await stopped(id)) throw new UnrecoverableError(encodeError('COMPUTE_CANCELLED', `job ${id} was stopped before shard ${index} started`));
    const s = await spec(id);
    const columns = await candles(s.candles);
    const abort = new AbortController();
    // Stopped by the job's flag (cancel, or another shard failed), or by this worker (BullMQ's signal): only the first is the job's end.
    let byFlag = false;
    signal?.addEventListener('abort', () => abort.abort(), { once: true });
    const poll = setInterval(() => { stopped(id).then((yes) => { if (yes) { byFlag = true; abort.abort(); } }, () => {}); }, STOP_POLL_MS);
    logger.info({ job: id, shard: index, v0, v1, attempt: job.attemptsMade + 1, pid: process.pid }, 'ta-grid shard started');
    const endTimer = shardSeconds.startTimer();
    let lastProgress = 0;
    try {
      const res = await engine.compute({
        indicator: s.indicator, candles: columns as never, grid: shardGrid(s, v0, v1), outputs: s.outputs, dtype: s.dtype, layout: s.layout,
        signal: abort.signal,
        onProgress: ({ processed }) => {
          if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
          lastProgress = Date.now();
          job.updateProgress({ processed, total: v1 - v0 }).catch(() => {});
        },
      });
      let summary: Record<string, Float64Array> | null = null;
      if (s.reducer) summary = checkSummary(s.reducer, await runReducer(await reducer(JSON.stringify([s.reducer, s.reducerHash])), res, v0, v1), v1 - v0);
      // Nothing is written once the job is stopped; each file is whole or absent.
      const put = async (part: string, cols: Record<string, Float32Array | Float64Array>) => {
        if (abort.signal.aborted) throw new StopError();
        if (await stopped(id)) { byFlag = true; throw new StopError(); }
        await store.put(shardKey(id, { v0, v1 }, part), toIpcChunks(cols, { job: id, v0, v1, t: s.t, part }));
        storedBytes.inc(Object.values(cols).reduce((n, c) => n + c.byteLength, 0));
      };
      if (s.keepTensor) for (const o of s.outputs) await put(o, { [o]: res.values(o) });
      if (summary) await put('summary', summary);
      logger.info({ job: id, shard: index, v0, v1, computeMs: Math.round(res.meta.computeMs), pid: process.pid }, 'ta-grid shard done');
      shardsTotal.inc({ result: 'done' });
      return { v0, v1, computeMs: res.meta.computeMs, backend: res.meta.backend };
    } catch (e) {
      shardsTotal.inc({ result: byFlag || e instanceof StopError ? 'stopped' : 'failed' });
      if (e instanceof UnrecoverableError) throw e;
      if (byFlag) throw new UnrecoverableError(encodeError('COMPUTE_CANCELLED', `shard ${index} of job ${id} stopped: the job was cancelled or failed`));
      if (e instanceof StopError || abort.signal.aborted) throw new Error(encodeError('WORKER_STOPPED', `shard ${index} of job ${id} was stopped by its worker; it runs again`));
      // ta-grid's own errors say whether a retry helps; anything else (I/O, a throwing reducer) gets the retries.
      const own = e instanceof TaGridError;
      const code = own ? e.code : typeof (e as { code?: unknown }).code === 'string' && /^[A-Z_]+$/.test((e as { code: string }).code) ? (e as { code: string }).code : 'INTERNAL';
      const text = encodeError(code, (e as Error).message);
      logger.warn({ job: id, shard: index, code, err: (e as Error).message, attempt: job.attemptsMade + 1 }, 'ta-grid shard failed');
      throw !own || TRANSIENT.has(code) ? new Error(text) : new UnrecoverableError(text);
    } finally {
      clearInterval(poll);
      endTimer();
    }
  };

  const processJob: Processor<JobData> = async (job) => {
    const id = job.data.job;
    const s = await spec(id);
    const shards = specShards(s);
    let failure: Failure | null = null;
    if ((await redis.get(stopKey(prefix, id))) === 'cancelled') {
      failure = { code: 'COMPUTE_CANCELLED', message: `cluster job ${id} was cancelled`, details: {} };
    } else {
      const failed = Object.entries(await job.getIgnoredChildrenFailures())
        .map(([key, reason]) => ({ key, cause: decodeError(reason), range: /-(\d+)-(\d+)$/.exec(key) }))
        .filter((f) => f.range)
        .map((f) => ({ ...f, shard: shards.find((x) => x.v0 === Number(f.range![1]) && x.v1 === Number(f.range![2]))! }))
        .filter((f) => f.shard)
        // The first real failure: the others may only have been stopped because of it.
        .sort((a, b) => Number(a.cause.code === 'COMPUTE_CANCELLED') - Number(b.cause.code === 'COMPUTE_CANCELLED') || a.shard.index - b.shard.index);
      const first = failed[0];
      if (first) {
        await redis.set(stopKey(prefix, id), 'failed', 'EX', STOP_TTL_S);
        await job.removeUnprocessedChildren().catch(() => {});
        const child = await Job.fromId(shardQueue, first.key.slice(first.key.lastIndexOf(':') + 1));
        const attempts = child?.attemptsMade ?? 0;
        const { index, v0, v1 } = first.shard;
        failure = {
          code: 'SHARD_FAILED',
          message: `cluster job ${id}: shard ${index} (variants ${v0}..${v1 - 1}) failed${attempts > 1 ? ` after ${attempts} attempts` : ''}: [${first.cause.code}] ${first.cause.message}`,
          details: { shard: { index, v0, v1 }, attempts, cause: first.cause },
        };
      }
    }
    if (!failure) {
      const parts = [...(s.keepTensor ? s.outputs : []), ...(s.reducer ? ['summary'] : [])];
      for (const sh of shards) {
        for (const part of parts) {
          if (!(await store.has(shardKey(id, sh, part)))) {
            failure = {
              code: 'SHARD_FAILED',
              message: `cluster job ${id}: shard ${sh.index} (variants ${sh.v0}..${sh.v1 - 1}) finished but ${shardKey(id, sh, part)} is not in the store; do all workers share one store?`,
              details: { shard: { index: sh.index, v0: sh.v0, v1: sh.v1 }, attempts: 0, cause: { code: 'RESULT_UNAVAILABLE', message: 'shard file missing' } },
            };
            break;
          }
        }
        if (failure) break;
      }
    }
    if (failure) {
      await job.updateData({ ...job.data, failure });
      logger.warn({ job: id, code: failure.code, err: failure.message }, 'ta-grid job failed');
      throw new UnrecoverableError(failure.message);
    }
    await store.put(manifestKey(id), Buffer.from(JSON.stringify({ job: id, shards: shards.length, variants: s.variants, finishedAt: new Date().toISOString() })));
    logger.info({ job: id, shards: shards.length, variants: s.variants }, 'ta-grid job complete');
    return { shards: shards.length };
  };

  const common = {
    connection: redis, prefix,
    lockDuration: o.lockDurationMs,
    stalledInterval: o.stalledIntervalMs,
    // A shard may lose its worker twice (killed, OOM, lost network) before it counts as failed.
    maxStalledCount: 2,
  };
  const shardWorker = new Worker<ShardData>(SHARD_QUEUE, processShard, { ...common, concurrency: o.concurrency });
  const jobWorker = new Worker<JobData>(JOB_QUEUE, processJob, { ...common, concurrency: 4 });
  // Read-only handle for looking failed shards up.
  const shardQueue = new Queue(SHARD_QUEUE, { connection: redis, prefix });
  for (const w of [shardWorker, jobWorker]) w.on('error', (e) => logger.error({ err: e.message }, 'ta-grid worker: redis error (retrying)'));
  await Promise.all([shardWorker.waitUntilReady(), jobWorker.waitUntilReady()]);
  logger.info({ pid: process.pid, concurrency: o.concurrency, threads: engine.warmupReport?.numThreadsEffective, backend: engine.warmupReport?.backend }, 'ta-grid worker ready');

  let closing: Promise<void> | null = null;
  return {
    engine,
    metrics: () => [shardsTotal, shardSeconds, storedBytes, ...engine.metrics()],
    close() {
      closing ??= (async () => {
        await Promise.allSettled([shardWorker.close(), jobWorker.close(), shardQueue.close()]);
        redis.disconnect();
        if (ownsEngine) await engine.close();
      })();
      return closing;
    },
  };
}

async function runReducer(fn: Reducer, res: ComputeResult, v0: number, v1: number): Promise<unknown> {
  try {
    return await fn(res, { v0, v1 });
  } catch (e) {
    throw Object.assign(new Error(`reducer threw on variants ${v0}..${v1 - 1}: ${(e as Error).message}`), { code: 'REDUCER_FAILED' });
  }
}

/** A reducer returns { column: numbers }, one number per variant of the shard. */
function checkSummary(p: string, out: unknown, variants: number): Record<string, Float64Array> {
  const bad = (why: string) => new UnrecoverableError(encodeError('INVALID_REQUEST', `reducer ${p} ${why}; return { name: numbers } with ${variants} numbers per name (one per variant of the shard)`));
  if (typeof out !== 'object' || out === null || Array.isArray(out)) throw bad(`returned ${out === null ? 'null' : typeof out}`);
  const cols: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(out)) {
    if (!/^[A-Za-z0-9_.-]+$/.test(k) || k === 'variant') throw bad(`returned a column named ${JSON.stringify(k)}`);
    if (!(Array.isArray(v) || ArrayBuffer.isView(v)) || (v as ArrayLike<unknown>).length !== variants) throw bad(`returned column '${k}' that is not ${variants} numbers`);
    cols[k] = Float64Array.from(v as ArrayLike<number>);
  }
  if (Object.keys(cols).length === 0) throw bad('returned no columns');
  return cols;
}

function sharedColumns(table: Table): Record<string, Float64Array | BigInt64Array> {
  const cols: Record<string, Float64Array | BigInt64Array> = {};
  for (const f of table.schema.fields) {
    const values = table.getChild(f.name)!.toArray() as Float64Array | BigInt64Array;
    if (values instanceof Float64Array && f.name !== 'ts_open') {
      const shared = sharedFloat64(values.length);
      shared.set(values);
      cols[f.name] = shared;
    } else {
      cols[f.name] = values;
    }
  }
  return cols;
}
