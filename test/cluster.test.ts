/**
 * ta-grid/cluster against real parts: a redis-server on 127.0.0.1 and
 * worker processes started with `ta-grid worker`. Every value is compared
 * bit for bit with a local compute(); the fault drills kill a worker,
 * restart Redis, fail a shard on every attempt and cancel a running job.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../dist/index.js';
import { createCluster, DirStore, startWorker, type Cluster, type ClusterRequest } from '../dist/cluster/index.js';
import { cutShards, shardGrid, type JobSpec } from '../dist/cluster/plan.js';
import { buildGrid } from '../dist/grid/grid.js';
import { getIndicator } from '../dist/registry/index.js';
import { createEngine } from '../dist/index.js';
import { silentLogger } from '../dist/runtime/logger.js';
import { syntheticCandles, tempDir, testEngineOptions } from './helpers.js';

const HAVE_REDIS = spawnSync('redis-server', ['--version']).status === 0;
const IN_CI = Boolean(process.env.CI);
if (!HAVE_REDIS && !IN_CI) {
  console.warn('test/cluster.test.ts skipped: redis-server is not installed (Debian: apt-get install -y redis-server). CI installs it and runs these tests.');
}

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cluster');
/** Each worker's memory budget: 72 MiB, of which 64 MiB is the engine's fixed overhead. */
const WORKER_BUDGET = 72 * 2 ** 20;
const LOCK_MS = 3000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A redis-server with an append-only file fsynced on every write, so a restart loses nothing. */
class RedisServer {
  proc: ChildProcess | null = null;
  constructor(readonly port: number, readonly dir: string) {}
  get url(): string { return `redis://127.0.0.1:${this.port}`; }

  async start(): Promise<void> {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    await until('redis-server to answer', () => new Promise<boolean>((resolve) => {
      const c = net.connect(this.port, '127.0.0.1');
      c.on('connect', () => { c.end(); resolve(true); }).on('error', () => resolve(false));
    }), 15_000);
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  }
}

interface LogLine { msg: string; pid: number; job?: string; shard?: number; v0?: number; v1?: number; [k: string]: unknown }

/** One `ta-grid worker` process; its structured log lines are the drill's eyes. */
class WorkerProcess {
  readonly proc: ChildProcess;
  readonly lines: LogLine[] = [];
  constructor(redisUrl: string, store: string, cacheDir: string) {
    this.proc = spawn(process.execPath, [
      path.join(ROOT, 'dist', 'cli', 'main.js'), 'worker', '--redis', redisUrl, '--store', store, '--threads', '1',
      '--cache-dir', cacheDir, '--lock-ms', String(LOCK_MS), '--reducer', ...['last', 'slow', 'fail'].map((f) => path.join(FIXTURES, `${f}.mjs`)),
    ], { env: { ...process.env, TA_GRID_NATIVE_BUILD: 'off', TA_GRID_MAX_COMPUTE_BYTES_TOTAL: String(WORKER_BUDGET), TA_GRID_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let rest = '';
    this.proc.stdout!.on('data', (d: Buffer) => {
      const text = rest + d.toString();
      const parts = text.split('\n');
      rest = parts.pop()!;
      for (const p of parts) { try { this.lines.push(JSON.parse(p) as LogLine); } catch { /* not a log line */ } }
    });
  }
  ready(): Promise<unknown> {
    return until('worker ready', () => this.lines.some((l) => l.msg === 'ta-grid worker ready') || (this.proc.exitCode !== null && Promise.reject(new Error(`worker exited with ${this.proc.exitCode}`))), 45_000);
  }
  async kill(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill('SIGKILL');
    await exited;
  }
}

function sameBits(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** The same request for a local compute(): the cluster-only fields left out. */
function localOf(req: ClusterRequest): Parameters<Engine['compute']>[0] {
  const { reducer: _r, keepTensor: _k, ...rest } = req;
  return rest as Parameters<Engine['compute']>[0];
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return (e as { code?: string }).code ?? `uncoded: ${(e as Error).message}`;
  }
}

describe('cluster shards and store (no Redis)', () => {
  it('shards tile the variant order, each one the sub-grid of its range', () => {
    const def = getIndicator('volatility.bbands');
    const full = buildGrid(def, { source: ['close', 'hl2', 'hlc3'], window: { start: 5, stop: 41 }, mult: [1, 2, 3, 4, 5] }, { maxVariants: 1e6 });
    const sizes = full.axes.map((a) => a.values.length);
    for (const most of [1, 4, 5, 7, 23, 185, 186, 400, 555, 10_000]) {
      const cut = cutShards(sizes, most);
      const spec = { axes: full.axes.map((a) => ({ name: a.name, values: [...a.values] })), splitAxis: cut.splitAxis, splitWidth: cut.splitWidth } as JobSpec;
      let next = 0;
      for (const s of cut.shards) {
        expect(s.v0).toBe(next);
        expect(s.v1 - s.v0).toBeLessThanOrEqual(most);
        const sub = buildGrid(def, shardGrid(spec, s.v0, s.v1), { maxVariants: 1e6 });
        expect(sub.variants).toBe(s.v1 - s.v0);
        for (const k of [0, sub.variants - 1, sub.variants >> 1]) expect(sub.variant(k)).toEqual(full.variant(s.v0 + k));
        next = s.v1;
      }
      expect(next).toBe(full.variants);
    }
  });

  it('the store writes atomically, refuses keys outside it, reports missing files and expires old ones', async () => {
    const root = tempDir('store');
    const store = new DirStore(root);
    await store.put('results/a/x.arrow', new Uint8Array([1, 2, 3]));
    expect([...(await store.get('results/a/x.arrow'))]).toEqual([1, 2, 3]);
    expect(readdirSync(path.join(root, 'results', 'a'))).toEqual(['x.arrow']);
    expect(await codeOf(store.get('results/a/none.arrow'))).toBe('RESULT_UNAVAILABLE');
    expect(await codeOf(store.put('../escape', new Uint8Array(1)))).toBe('INVALID_REQUEST');
    await store.put('results/b/request.json', new Uint8Array([1]));
    const old = new Date(Date.now() - 10 * 86_400_000);
    utimesSync(path.join(root, 'results', 'a'), old, old);
    writeFileSync(path.join(root, 'results', 'a', 'request.json'), '{}');
    utimesSync(path.join(root, 'results', 'a', 'request.json'), old, old);
    expect(await store.expire('results', Date.now() - 86_400_000)).toBe(1);
    expect(readdirSync(path.join(root, 'results'))).toEqual(['b']);
  });

  it('refuses bad options before connecting', async () => {
    const store = tempDir('store');
    expect(await codeOf(createCluster({ redis: 'redis://127.0.0.1:1', store, shardBytes: 0 }))).toBe('INVALID_CONFIG');
    expect(await codeOf(createCluster({ redis: 'redis://127.0.0.1:1', store, prefix: 'a:b' }))).toBe('INVALID_CONFIG');
    expect(await codeOf(startWorker({ redis: 'redis://127.0.0.1:1', store, concurrency: 0 }))).toBe('INVALID_CONFIG');
    expect(await codeOf(startWorker({ redis: 'redis://127.0.0.1:1', store, lockDurationMs: Number('x') }))).toBe('INVALID_CONFIG');
  });
});

describe.skipIf(!HAVE_REDIS && !IN_CI)('ta-grid/cluster on a real Redis with worker processes', () => {
  let redis: RedisServer;
  let store: string;
  let cacheDir: string;
  const workers: WorkerProcess[] = [];
  let cluster: Cluster;
  let engine: Engine;
  const candles = syntheticCandles({ t: 2000, seed: 17, holes: 0.002 });
  const lines = () => workers.flatMap((w) => w.lines);
  const spawnWorker = async () => {
    const w = new WorkerProcess(redis.url, store, cacheDir);
    workers.push(w);
    await w.ready();
    return w;
  };

  beforeAll(async () => {
    if (!HAVE_REDIS) throw new Error('redis-server is not installed: .ci/run installs it (apt-get install -y redis-server); the cluster tests must run in CI');
    redis = new RedisServer(await freePort(), tempDir('redis'));
    store = tempDir('store');
    cacheDir = tempDir('cache');
    await redis.start();
    await Promise.all([spawnWorker(), spawnWorker(), spawnWorker()]);
    cluster = await createCluster({ redis: redis.url, store, workerBudgetBytes: WORKER_BUDGET, shardBytes: 2_400_000, attempts: 2 });
    engine = await createEngine(testEngineOptions());
  }, 90_000);

  afterAll(async () => {
    await cluster?.close();
    await engine?.close();
    await Promise.all(workers.map((w) => w.kill()));
    await redis?.stop();
  });

  it('three workers compute a grid larger than one worker\'s budget, bit for bit equal to compute(); the same request twice computes once', async () => {
    const req: ClusterRequest = { indicator: 'volatility.bbands', candles, grid: { source: ['close', 'hlc3'], window: { start: 5, stop: 124 }, mult: [1, 1.5, 2, 2.5, 3] } };
    // One worker could not take it whole.
    const small = await createEngine(testEngineOptions({ maxComputeBytesTotal: WORKER_BUDGET }));
    expect(() => small.estimate({ indicator: req.indicator, grid: req.grid, t: candles.ts_open.length })).toThrow(expect.objectContaining({ code: 'COMPUTE_BUDGET_EXCEEDED' }));
    await small.close();

    const [job, twin] = await Promise.all([cluster.submit(req), cluster.submit(req)]);
    expect(twin.id).toBe(job.id);
    expect(job.shards.length).toBe(12);
    const seen: number[] = [];
    job.on('progress', (p) => seen.push(p.processed));
    const res = await job.result();
    await twin.result();
    const local = await engine.compute(localOf(req));
    expect(res.variants).toBe(1200);
    expect(res.outputs).toEqual(['mid', 'upper', 'lower']);
    for (const o of res.outputs) expect(sameBits(await res.values(o), local.values(o))).toBe(true);
    for (const v of [0, 599, 600, 1199]) expect(res.variant(v)).toEqual(local.variant(v));
    expect(res.indexOf({ source: 'hlc3', window: 20, mult: 2.5 })).toBe(local.indexOf({ source: 'hlc3', window: 20, mult: 2.5 }));
    // A shard on its own: its slice of the tensor and its Arrow table.
    const shard = res.shardOf(700);
    const part = await res.values('upper', { v0: shard.v0, v1: shard.v1 });
    expect(sameBits(await shard.values('upper'), part)).toBe(true);
    const table = await shard.toArrow();
    const k = 700 - shard.v0;
    const col = table.getChild((await shard.result()).columnName('upper', k))!.toArray() as Float32Array;
    expect(sameBits(col, local.series('upper', 700))).toBe(true);
    // Progress climbed to the total; every worker took shards; each shard ran once.
    expect(seen.at(-1)).toBe(1200);
    const started = lines().filter((l) => l.msg === 'ta-grid shard started' && l.job === job.id);
    expect(new Set(started.map((l) => l.pid)).size).toBe(3);
    expect(started.length).toBe(12);
    const again = await cluster.submit(req);
    expect(again.cached).toBe(true);
    expect(sameBits(await (await again.result()).values('lower'), local.values('lower'))).toBe(true);
    expect(lines().filter((l) => l.msg === 'ta-grid shard started' && l.job === job.id).length).toBe(12);
    // Queue state for a metrics endpoint: nothing left waiting or running.
    const registry = new Registry();
    for (const m of cluster.metrics()) registry.registerMetric(m);
    const text = await registry.metrics();
    expect(text).toMatch(/ta_grid_cluster_queue_shards\{state="waiting"\} 0/);
    expect(text).toMatch(/ta_grid_cluster_queue_jobs\{state="waiting-children"\} 0/);
    // A shard file damaged on disk is an error, not a wrong tensor.
    writeFileSync(path.join(store, 'results', job.id, `${shard.v0}-${shard.v1}.mid.arrow`), 'not arrow');
    expect(await codeOf(res.values('mid'))).toBe('RESULT_UNAVAILABLE');
  });

  it("an alias of the replaced engine runs as a job under its own id and output names", async () => {
    const req: ClusterRequest = { indicator: 'ma.lwma', candles, grid: { window: { start: 2, stop: 41 } } };
    const res = await (await cluster.submit(req)).result();
    const local = await engine.compute(localOf({ ...req, indicator: 'ma.wma' }));
    expect(res.indicator).toBe('ma.lwma');
    expect(res.outputs).toEqual(['lwma']);
    expect(sameBits(await res.values('lwma'), local.values('wma'))).toBe(true);
    const shard = await res.shardOf(0).result();
    expect(shard.indicator).toBe('ma.lwma');
    expect(shard.outputs).toEqual(['lwma']);
    expect(shard.lookback('lwma', 3)).toBe(local.lookback('wma', 3));
  }, 60_000);

  it('refuses bad requests at submit with the codes compute() gives', async () => {
    const ok = { indicator: 'ma.ema', candles, grid: { window: [5, 10] } };
    const unsorted = { ...candles, ts_open: candles.ts_open.slice().reverse() };
    const { high: _h, ...noHigh } = candles;
    const bad: Record<string, unknown>[] = [
      { ...ok, indicator: 'ma.nope' },
      { ...ok, grid: { window: { start: 10, stop: 5 } } },
      { ...ok, grid: { length: [3] } },
      { ...ok, candles: { ...candles, ts_open: unsorted.ts_open } },
      { ...ok, grid: { source: ['hlc3'], window: [5] }, candles: noHigh },
      { ...ok, grid: { window: [100_001] } },
      { ...ok, dtype: 'float16' },
    ];
    for (const req of bad) {
      const expected = await codeOf(engine.compute(req as never));
      expect(expected).not.toBe('no error');
      expect(await codeOf(cluster.submit(req as never))).toBe(expected);
    }
    expect(await codeOf(cluster.submit({ ...ok, signal: new AbortController().signal } as never))).toBe('INVALID_REQUEST');
    expect(await codeOf(cluster.submit({ ...ok, reducer: path.join(FIXTURES, 'no-such-reducer.mjs') } as never))).toBe('INVALID_REQUEST');
    // One variant larger than a worker's budget can run nowhere.
    const tiny = await createCluster({ redis: redis.url, store, workerBudgetBytes: 64 * 2 ** 20 });
    expect(await codeOf(tiny.submit(ok as never))).toBe('COMPUTE_BUDGET_EXCEEDED');
    await tiny.close();
    expect(await codeOf(createCluster({ redis: 'redis://127.0.0.1:1', store, connectTimeoutMs: 500 }))).toBe('CLUSTER_UNAVAILABLE');
  });

  it('a worker killed mid-shard: the shard is retried by another worker and the result is identical', async () => {
    const req: ClusterRequest = { indicator: 'ma.ema', candles, grid: { source: ['close', 'hl2', 'ohlc4'], window: { start: 2, stop: 201 } }, layout: 'variant-major', reducer: path.join(FIXTURES, 'slow.mjs'), keepTensor: true };
    const job = await cluster.submit(req);
    const first = await until('a shard to start', () => lines().find((l) => l.msg === 'ta-grid shard started' && l.job === job.id));
    const victim = workers.find((w) => w.proc.pid === first.pid)!;
    await victim.kill();
    const res = await job.result();
    const local = await engine.compute(localOf(req));
    expect(sameBits(await res.values('ema'), local.values('ema'))).toBe(true);
    const rerun = lines().filter((l) => l.msg === 'ta-grid shard started' && l.job === job.id && l.v0 === first.v0);
    expect(rerun.map((l) => l.pid)).toContain(first.pid);
    expect(rerun.some((l) => l.pid !== first.pid)).toBe(true);
    // The reducer's summaries: one row per variant, as computed from the local tensor.
    const summary = await res.summary();
    expect(summary.numRows).toBe(600);
    const last = summary.getChild('last')!.toArray() as Float64Array;
    for (const v of [0, 250, 599]) expect(last[v]).toBe(local.series('ema', v).at(-1));
    // The drills below run on the two workers left.
  }, 60_000);

  it('Redis restarted mid-run: the job resumes and completes with identical values', async () => {
    const req: ClusterRequest = { indicator: 'ma.sma', candles, grid: { source: ['close', 'open'], window: { start: 2, stop: 301 } }, dtype: 'float64', reducer: path.join(FIXTURES, 'slow.mjs'), keepTensor: true };
    const job = await cluster.submit(req);
    await until('a shard to start', () => lines().some((l) => l.msg === 'ta-grid shard started' && l.job === job.id));
    await redis.stop();
    await sleep(300);
    await redis.start();
    const res = await job.result();
    const local = await engine.compute(localOf(req));
    expect(sameBits(await res.values('sma'), local.values('sma'))).toBe(true);
  }, 60_000);

  it('a shard that fails on every attempt fails the job with SHARD_FAILED naming the shard and the cause', async () => {
    const job = await cluster.submit({ indicator: 'ma.wma', candles, grid: { window: { start: 2, stop: 401 } }, reducer: path.join(FIXTURES, 'fail.mjs') });
    const err = await job.result().then(() => null, (e: unknown) => e as { code: string; message: string; details: Record<string, unknown> });
    expect(err?.code).toBe('SHARD_FAILED');
    expect(err!.details.shard).toEqual({ index: 0, v0: 0, v1: job.shards[0]!.v1 });
    expect(err!.details.cause).toEqual({ code: 'REDUCER_FAILED', message: expect.stringContaining('no score for variant 0') });
    expect(err!.details.attempts).toBe(2);
    expect(err!.message).toMatch(/shard 0 \(variants 0\.\.\d+\) failed after 2 attempts: \[REDUCER_FAILED\]/);
    // A reducer the workers were not started with is refused at once, without retries.
    const refused = await cluster.submit({ indicator: 'ma.wma', candles, grid: { window: [5, 6] }, reducer: path.join(ROOT, 'bench', 'cluster-reducer.mjs') });
    const e2 = await refused.result().then(() => null, (e: unknown) => e as { code: string; details: Record<string, unknown> });
    expect(e2?.code).toBe('SHARD_FAILED');
    expect(e2!.details.cause).toEqual({ code: 'INVALID_REQUEST', message: expect.stringContaining('not allowed on this worker') });
    expect(e2!.details.attempts).toBe(1);
  }, 60_000);

  it('cancel while shards run: every shard stops, nothing more is written, result() rejects with COMPUTE_CANCELLED', async () => {
    const job = await cluster.submit({ indicator: 'ma.ema', candles, grid: { source: ['close', 'high', 'low'], window: { start: 2, stop: 401 } }, reducer: path.join(FIXTURES, 'slow.mjs'), keepTensor: true });
    await until('a shard to start', () => lines().some((l) => l.msg === 'ta-grid shard started' && l.job === job.id));
    await job.cancel();
    const dir = path.join(store, 'results', job.id);
    const files = readdirSync(dir).sort();
    const doneAt = lines().filter((l) => l.msg === 'ta-grid shard done' && l.job === job.id).length;
    expect(await codeOf(job.result())).toBe('COMPUTE_CANCELLED');
    await sleep(1500); // longer than a shard's pause (1 s): a shard still running would write by now
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(lines().filter((l) => l.msg === 'ta-grid shard done' && l.job === job.id).length).toBe(doneAt);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(job.progress.processed).toBeLessThan(job.variants);
    const active = await cluster.shardQueue.getActive();
    expect(active.filter((j) => j.data.job === job.id)).toEqual([]);
  }, 60_000);

  it('a worker inside a service: startWorker() on the service\'s engine, with metrics; close() leaves the engine open', async () => {
    await Promise.all(workers.map((w) => w.kill())); // only this worker is left
    const worker = await startWorker({ redis: redis.url, store, engine, logger: silentLogger });
    const req: ClusterRequest = { indicator: 'momentum.rsi', candles, grid: { source: ['close', 'ohlc4'], window: { start: 2, stop: 151 } } };
    const res = await (await cluster.submit(req)).result();
    const registry = new Registry();
    for (const m of worker.metrics()) registry.registerMetric(m);
    expect(await registry.metrics()).toMatch(/ta_grid_cluster_shards_total\{result="done"\} [1-9]/);
    await worker.close();
    const local = await engine.compute(localOf(req));
    expect(sameBits(await res.values('rsi'), local.values('rsi'))).toBe(true);
  }, 60_000);
});
