// What a call promises a service: strict requests, cancellation and timeouts
// that hold wherever the call is, isolated callbacks, buffers that are not
// shared by accident, a total close(), coded kernel failures, an estimate
// that bounds memory, and prepared candles. No assertion here depends on the
// machine's speed: timings live in the bench suites (abort, lag, rss).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { createEngine, type Engine } from '../dist/index.js';
import { InlineExecutor } from '../dist/pool/executor.js';
import { PoolExecutor } from '../dist/pool/pool.js';
import { wasmSplitPays } from '../dist/pool/planner.js';
import { INDICATORS } from '../dist/registry/index.js';
import { failure, syntheticCandles, tempDir, testEngineOptions } from './helpers.js';

let engine: Engine;
const candles = syntheticCandles({ t: 2_000, seed: 4 });
const big = syntheticCandles({ t: 200_000, seed: 12 });
/** Long enough that it is still running when the assertions about it are made (seconds on any machine). */
const long = { indicator: 'ma.ema', candles: big, grid: { source: ['close', 'open', 'high', 'low', 'hl2', 'hlc3', 'ohlc4', 'hlcc4'], window: { start: 5, stop: 400 } } };

const settled = (p: Promise<unknown>) => {
  const s = { done: false };
  p.then(() => { s.done = true; }, () => { s.done = true; });
  return s;
};

beforeAll(async () => {
  engine = await createEngine(testEngineOptions({ numThreads: 1 }));
  await engine.warmup();
});
afterAll(() => engine.close());

describe('strict requests', () => {
  it.each([
    ['a misspelt key', { ouputs: ['sma'] }, /unknown key 'ouputs'; did you mean 'outputs'\?/],
    ['a key far from any', { colour: 'red' }, /unknown key 'colour'.*The keys are indicator, candles/],
    ['signal: {}', { signal: {} }, /signal must be an AbortSignal/],
    ['onProgress that is not a function', { onProgress: 'log' }, /onProgress must be a function/],
    ["timeoutMs: 'soon'", { timeoutMs: 'soon' }, /timeoutMs must be a number of milliseconds/],
    ['timeoutMs: -5', { timeoutMs: -5 }, /timeoutMs must be/],
    ['timeoutMs: 0', { timeoutMs: 0 }, /timeoutMs must be/],
    ['timeoutMs: 2^31', { timeoutMs: 2 ** 31 }, /timeoutMs must be a number of milliseconds in \(0, 2147483647\]/],
    ['timeoutMs: NaN', { timeoutMs: NaN }, /timeoutMs must be/],
    ['out that is a typed array', { out: new Float32Array(4) }, /out must be an ArrayBuffer or SharedArrayBuffer, got Float32Array/],
  ])('refuses %s with INVALID_REQUEST', async (_n, extra, msg) => {
    const e = await failure(engine.compute({ indicator: 'ma.sma', candles, grid: { window: [5] }, ...(extra as object) } as never));
    expect(e.code).toBe('INVALID_REQUEST');
    expect(e.message).toMatch(msg);
  });

  it('refuses a Map as grid instead of computing the default grid', async () => {
    const e = await failure(engine.compute({ indicator: 'ma.sma', candles, grid: new Map([['window', [5]]]) as never }));
    expect(e.code).toBe('GRID_VALIDATION');
    expect(e.message).toMatch(/grid must be a plain object.*got Map/);
  });

  it('refuses unknown keys in estimate() too', async () => {
    const e = await failure(() => engine.estimate({ indicator: 'ma.sma', t: 10, gird: {} } as never));
    expect(e.code).toBe('INVALID_REQUEST');
    expect(e.message).toMatch(/unknown key 'gird'; did you mean 'grid'\?/);
    expect(e.details).toMatchObject({ key: 'gird', suggestion: 'grid' });
    // A compute request as it is: the candles are counted, not read.
    expect(engine.estimate({ indicator: 'ma.sma', candles, grid: { window: [5] }, timeoutMs: 10 })).toMatchObject({ t: 2_000, variants: 1 });
  });

  it('takes timeoutMs: Infinity (and the largest timer) as no timeout, and a SharedArrayBuffer from another realm as out', async () => {
    const est = engine.estimate({ indicator: 'ma.sma', t: candles.close.length, grid: { window: [5, 9] } });
    const foreign = runInNewContext(`new SharedArrayBuffer(${est.bytesOut})`) as SharedArrayBuffer;
    expect(foreign instanceof SharedArrayBuffer).toBe(false);
    const r = await engine.compute({ indicator: 'ma.sma', candles, grid: { window: [5, 9] }, timeoutMs: Infinity, out: foreign });
    expect(r.values('sma').buffer).toBe(foreign);
    expect(Number.isFinite(r.at('sma', 100, 1))).toBe(true);
    expect((await engine.compute({ indicator: 'ma.sma', candles, grid: { window: [5] }, timeoutMs: 2 ** 31 - 1 })).variants).toBe(1);
  });
});

describe('cancellation and timeouts', () => {
  it('counts timeoutMs from the call, warmup and candle loading included', async () => {
    // A cold engine: warming up alone takes far longer than 1 ms.
    const cold = await createEngine(testEngineOptions({ numThreads: 1 }));
    const e = await failure(cold.compute({ indicator: 'ma.sma', candles, grid: { window: [5] }, timeoutMs: 1 }));
    expect(e.code).toBe('COMPUTE_TIMEOUT');
    expect(e.message).toMatch(/timeoutMs 1 \(counted from the call\)/);
    await cold.close();
  });

  /**
   * CCI at windows 400..500 costs O(window) per value: one block of its 101
   * variants over 100,000 bars is seconds of work on any machine. The output
   * is watched through the shared buffer, so "running" and "stopped inside
   * the block" are seen, not timed: first row written, last row not.
   */
  async function startHeavy(signal?: AbortSignal) {
    const prepared = await engine.prepare(syntheticCandles({ t: 100_000, seed: 13 }));
    const request = { indicator: 'momentum.cci', candles: prepared, grid: { window: { start: 400, stop: 500 } } };
    const view = new Float32Array(new SharedArrayBuffer(engine.estimate({ ...request, t: 100_000 }).bytesOut)).fill(-1);
    const call = engine.compute({ ...request, out: view.buffer as SharedArrayBuffer, signal });
    const state = settled(call);
    while (view[0] === -1) await new Promise((r) => setTimeout(r, 2)); // the kernel is running
    const lastRow = () => Array.from(view.subarray(view.length - 101)).filter((x) => x !== -1).length;
    return { call, state, lastRow };
  }

  it('an abort stops a kernel inside its block', async () => {
    const ac = new AbortController();
    const heavy = await startHeavy(ac.signal);
    ac.abort();
    expect((await failure(heavy.call)).code).toBe('COMPUTE_CANCELLED');
    expect(heavy.lastRow()).toBe(0);
  });

  it('a call waiting for a thread times out, and another aborts, while the call ahead of it is still inside its first block', async () => {
    const ahead = new AbortController();
    const heavy = await startHeavy(ahead.signal);
    const timed = engine.compute({ ...long, timeoutMs: 100 });
    const queued = new AbortController();
    const waiting = engine.compute({ ...long, signal: queued.signal });
    expect((await failure(timed)).code).toBe('COMPUTE_TIMEOUT');
    queued.abort();
    expect((await failure(waiting)).code).toBe('COMPUTE_CANCELLED');
    expect(heavy.state.done).toBe(false);
    expect(heavy.lastRow()).toBe(0);
    ahead.abort();
    expect((await failure(heavy.call)).code).toBe('COMPUTE_CANCELLED');
    expect(engine.health().pool).toMatchObject({ active: 0, queued: 0 });
  });
});

describe('callbacks and buffers', () => {
  it('a throwing onProgress is logged once and the compute goes on', async () => {
    const warnings: string[] = [];
    const logger = { info() {}, debug() {}, error() {}, warn: (_o: object, m = '') => warnings.push(m) };
    const e2 = await createEngine(testEngineOptions({ numThreads: 2, logger }));
    let calls = 0;
    const r = await e2.compute({ ...long, grid: { source: ['close', 'open'], window: { start: 5, stop: 100 } }, onProgress: () => { calls++; throw new Error('callback bug'); } });
    expect(r.variants).toBe(192);
    expect(Number.isFinite(r.at('ema', 199_999, 191))).toBe(true);
    expect(calls).toBe(1);
    expect(warnings).toEqual(['ta-grid onProgress threw; it is not called again for this compute']);
    await e2.close();
  });

  it("wasm: a time-major grid of one block is one chunk (its tiles go out whole rows at a time), and gives native's values", async () => {
    const wasm = await createEngine(testEngineOptions({ numThreads: 2, backend: 'wasm' }));
    const native = await createEngine(testEngineOptions({ numThreads: 2, backend: 'native' }));
    const request = { indicator: 'momentum.mom', candles: big, grid: { window: { start: 1, stop: 100 } } };
    const progress: number[] = [];
    const r = await wasm.compute({ ...request, onProgress: ({ processed }) => { progress.push(processed); } });
    expect(progress).toEqual([100]);
    const want = await native.compute(request);
    const bytes = (a: Float32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(r.values('mom')).equals(bytes(want.values('mom')))).toBe(true);
    await wasm.close();
    await native.close();
  });

  it('wasm chunk rule: a cheap narrow block stays one chunk, a wide or costly one is cut over the threads', () => {
    const cost = (id: string) => INDICATORS.find((d) => d.id === id)!.cost ?? 1;
    expect(cost('momentum.mom')).toBe(1);
    expect(wasmSplitPays(100, cost('momentum.mom'), 2)).toBe(false);  // MOM's default grid: 50 values per bar saved
    expect(wasmSplitPays(196, cost('ma.ema'), 2)).toBe(true);  // EMA's: 98
    expect(wasmSplitPays(256, 1, 2)).toBe(true);
    expect(wasmSplitPays(76, cost('volatility.bbands_bandwidth'), 2)).toBe(true);
    expect(wasmSplitPays(96, cost('momentum.fisher'), 2)).toBe(true);
    expect(wasmSplitPays(27, cost('momentum.ultosc'), 2)).toBe(true);  // 16 + 11
    expect(wasmSplitPays(27, cost('trend.psar'), 2)).toBe(true);
    expect(wasmSplitPays(27, 1, 2)).toBe(false);
    expect(wasmSplitPays(76, cost('volatility.bbands_bandwidth'), 1)).toBe(false);  // no second thread
    expect(wasmSplitPays(16, cost('momentum.stoch_rsi'), 2)).toBe(false);  // one aligned chunk at most
  });

  it('a kernel that sums every window up to its longest cuts a source run only over the threads', async () => {
    const two = await createEngine(testEngineOptions({ numThreads: 2, backend: 'native' }));
    // 196 x 200,000 values: a thread's half is over MAX_CHUNK_NS at a calibrated time per value above 7.7 ns (HMA's: 11 to 16 on 2 cores), which cut it in 4 to 7.
    const hma = await two.compute({ indicator: 'ma.hma', candles: big });
    expect([hma.variants, hma.meta.chunks]).toEqual([196, 2]);  // 112 + 84
    const wma = await two.compute({ indicator: 'ma.wma', candles, grid: { source: ['close', 'hl2', 'low'], window: { start: 5, stop: 200 } } });
    expect([wma.variants, wma.meta.chunks]).toEqual([588, 3]);  // one per source
    await two.close();
  });

  it("wasm: a small grid of a costly kernel gets both threads, and gives native's values", async () => {
    const wasm = await createEngine(testEngineOptions({ numThreads: 2, backend: 'wasm' }));
    const native = await createEngine(testEngineOptions({ numThreads: 2, backend: 'native' }));
    const request = { indicator: 'volatility.bbands_bandwidth', candles: syntheticCandles({ t: 20_000, seed: 5 }) };
    const progress: number[] = [];
    const r = await wasm.compute({ ...request, onProgress: ({ processed }) => { progress.push(processed); } });
    expect(r.variants).toBe(76);
    expect(r.meta.chunks).toBe(2);
    expect(progress.sort((a, b) => a - b)).toEqual([progress[0], 76]);
    const want = await native.compute(request);
    const bytes = (a: Float32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(r.values('bandwidth')).equals(bytes(want.values('bandwidth')))).toBe(true);
    await wasm.close();
    await native.close();
  });

  it('refuses an out buffer another call is still writing', async () => {
    const est = engine.estimate({ indicator: 'ma.ema', t: 200_000, grid: long.grid });
    const out = new SharedArrayBuffer(est.bytesOut);
    const ac = new AbortController();
    const first = engine.compute({ ...long, out, signal: ac.signal });
    const second = await failure(engine.compute({ ...long, out }));
    expect(second.code).toBe('INVALID_REQUEST');
    expect(second.message).toMatch(/out is already being written by another compute\(\)/);
    ac.abort();
    await failure(first);
    // Settled: the buffer can be used again.
    const r = await engine.compute({ indicator: 'ma.sma', candles, grid: { window: [5] }, out });
    expect(r.values('sma').buffer).toBe(out);
  });

  it('checks the size of a plain ArrayBuffer out before any work', async () => {
    let progressed = false;
    const e = await failure(engine.compute({ ...long, out: new ArrayBuffer(16), onProgress: () => { progressed = true; } }));
    expect(e.code).toBe('INVALID_REQUEST');
    expect(e.message).toMatch(/out holds 16 bytes/);
    expect(progressed).toBe(false);
  });
});

describe('close()', () => {
  it('in the same tick as compute(): the call rejects with ENGINE_CLOSED', async () => {
    const e = await createEngine(testEngineOptions({ numThreads: 1 }));
    await e.warmup();
    const p = e.compute({ indicator: 'ma.sma', candles, grid: { window: [5] } });
    const closing = e.close();
    expect((await failure(p)).code).toBe('ENGINE_CLOSED');
    await closing;
  });

  it('during warmup: no compute resolves after close, and no worker thread outlives it', async () => {
    const script = `
      import { readdirSync } from 'node:fs';
      import { createEngine } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
      const threads = () => readdirSync('/proc/self/task').length;
      const quiet = { info() {}, warn() {}, error() {}, debug() {} };
      // Warm a first engine and close it, so lazily started helper threads exist before counting.
      const first = await createEngine({ numThreads: 2, nativeBuild: 'off', cacheDir: process.env.CACHE_DIR, logger: quiet, env: {} });
      await first.warmup();
      await first.close();
      await new Promise((r) => setTimeout(r, 200));
      const before = threads();
      const e = await createEngine({ numThreads: 2, nativeBuild: 'off', cacheDir: process.env.CACHE_DIR, logger: quiet, env: {} });
      const close = Float64Array.from({ length: 5000 }, (_, i) => 100 + Math.sin(i));
      const outcome = e.compute({ indicator: 'ma.sma', candles: { ts_open: close.map((_, i) => i), close }, grid: { window: [5] } })
        .then(() => 'resolved', (err) => err.code);
      await new Promise((r) => setTimeout(r, 5));
      await e.close();
      const closedAt = Date.now();
      const result = await outcome;
      await new Promise((r) => setTimeout(r, 200));
      console.log(JSON.stringify({ result, extraThreads: threads() - before }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, CACHE_DIR: tempDir('close') } });
    const r = JSON.parse(stdout);
    expect(r.result).toBe('ENGINE_CLOSED');
    expect(r.extraThreads).toBeLessThanOrEqual(0);
  });
});

describe('kernel failures and worker death', () => {
  it('a kernel that reports a failure is a KernelError with its id and status, on the pool and inline', async () => {
    // percent_rank refuses a window of 0 (status 2, kBadParam): something the grid never lets through.
    const x = Float64Array.from(new Float64Array(new SharedArrayBuffer(8 * 100)).fill(1));
    const job = {
      kernel: 'structure.percent_rank', inputs: [x], t: 100, params: [Float64Array.of(0)], v0: 0, v1: 1,
      outputs: [new Float32Array(new SharedArrayBuffer(400))], float64: false, timeStride: 1, variantStride: 1,
    };
    const pool = new PoolExecutor({ name: 'native', file: null } as never, 1);
    try {
      const e = await failure(pool.run(job));
      expect(e.code).toBe('KERNEL_FAILED');
      expect(e.details).toMatchObject({ kernel: 'structure.percent_rank', status: 2 });
    } finally {
      await pool.close();
    }
    const inline = new InlineExecutor({ name: 'native', kernels: [], scratchBytes: () => 0, run: () => { throw new Error("wasm kernel 'ma.sma' failed with status 1"); } });
    const e = await failure(inline.run({ ...job, kernel: 'ma.sma' }));
    expect(e.code).toBe('KERNEL_FAILED');
    expect(e.details).toMatchObject({ kernel: 'ma.sma', status: 1 });
  });

  it('a kernel error whose message mentions a worker is still a KernelError, not a crash', async () => {
    const inline = new InlineExecutor({ name: 'native', kernels: [], scratchBytes: () => 0, run: () => { throw new Error('worker exited: terminated'); } });
    expect((await failure(inline.run({ kernel: 'ma.sma', inputs: [], t: 1, params: [], v0: 0, v1: 1, outputs: [], float64: false, timeStride: 1, variantStride: 1 }))).code).toBe('KERNEL_FAILED');
  });
});

describe('estimate()', () => {
  it('stays O(axes) at maxVariants 1e8: no values made, a coded answer', async () => {
    const wide = await createEngine(testEngineOptions({ maxVariants: 1e8, maxComputeBytesTotal: 2 ** 40 }));
    const heap = process.memoryUsage().heapUsed;
    const est = wide.estimate({ indicator: 'volatility.bbands', t: 100, grid: { source: ['close'], window: [20], mult: { start: 0.1, stop: 10, step: 1e-7 } } });
    expect(est.variants).toBe(99_000_001);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 2 ** 20);
    const over = await failure(() => wide.estimate({ indicator: 'volatility.bbands', t: 100, grid: { window: [20, 21], mult: { start: 0.1, stop: 10, step: 1e-7 } } }));
    expect(over.code).toBe('GRID_TOO_LARGE');
    await wide.close();
  });

  it.skipIf(!existsSync('/proc/self/clear_refs'))('bounds the peak RSS growth of real calls', async () => {
    const run = (c: object) => promisify(execFile)(process.execPath, [new URL('../bench/rss-case.mjs', import.meta.url).pathname, JSON.stringify(c)], { env: { ...process.env, TA_GRID_CACHE_DIR: tempDir('rss') } });
    for (const c of [
      { indicator: 'ma.sma', t: 2_000_000, grid: { source: ['ohlc4'], window: [5, 20, 50] } },
      { indicator: 'ma.ema', t: 100_000, grid: { source: ['close', 'hl2', 'hlc3'], window: { start: 5, stop: 200 } } },
      { indicator: 'volatility.bbands', t: 100_000, dtype: 'float64' },
    ]) {
      const r = JSON.parse((await run(c)).stdout) as { growth: number; estimate: number };
      expect(r.growth, JSON.stringify(c)).toBeLessThanOrEqual(r.estimate);
    }
  });
});

describe('prepared candles', () => {
  it('computes the same values as raw candles, for Arrow input with nulls in several chunks too', async () => {
    const c = syntheticCandles({ t: 3_000, seed: 6 });
    const half = 1_500;
    const part = (from: number, to: number) => tableFromArrays({
      ts_open: c.ts_open.subarray(from, to), high: c.high.subarray(from, to), low: c.low.subarray(from, to),
      close: Array.from(c.close.subarray(from, to), (x, i) => (from + i === 2_000 ? null : x)),
    });
    const table = part(0, half).concat(part(half, 3_000));
    const prepared = await engine.prepare(table);
    const grid = { source: ['close', 'hlc3'], window: [5, 30] };
    const a = await engine.compute({ indicator: 'ma.sma', candles: prepared, grid, dtype: 'float64' });
    const b = await engine.compute({ indicator: 'ma.sma', candles: table, grid, dtype: 'float64' });
    expect(Array.from(a.values())).toEqual(Array.from(b.values()));
    expect(a.at('sma', 2_000, 0)).toBeNaN();
    expect(a.at('sma', 2_005, 0)).toBeCloseTo((c.close[2_001]! + c.close[2_002]! + c.close[2_003]! + c.close[2_004]! + c.close[2_005]!) / 5, 9);
    // Columns are made once and kept with the prepared candles.
    expect(prepared.column('hlc3')).toBe(prepared.column('hlc3'));
  });

  it('gives the event loop turns while preparing a long series', async () => {
    const long = syntheticCandles({ t: 2_000_000, seed: 2 });
    let turns = 0;
    const timer = setInterval(() => { turns++; }, 1);
    const prepared = await engine.prepare({ ...long, close: Array.from(long.close) });
    clearInterval(timer);
    expect(prepared.t).toBe(2_000_000);
    expect(turns).toBeGreaterThan(2);
  });
});
