// The pool: progress, cancellation, timeout, worker crash and recovery,
// concurrent calls, and an event loop that keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../dist/index.js';
import { failure, syntheticCandles, testEngineOptions } from './helpers.js';

let engine: Engine;
// Big enough that a grid runs as several chunks on 2 threads.
const big = syntheticCandles({ t: 100_000, seed: 21 });
const bigRequest = { indicator: 'ma.ema', candles: big, grid: { source: ['close', 'hlc3', 'open', 'high', 'low', 'hl2'], window: { start: 5, stop: 200 } } };

beforeAll(async () => {
  engine = await createEngine(testEngineOptions({ numThreads: 2 }));
  const report = await engine.warmup();
  expect(report.numThreadsEffective).toBe(2);
});
afterAll(() => engine.close());

describe('pool', () => {
  it('reports progress after each chunk, up to every variant', async () => {
    const seen: { processed: number; total: number }[] = [];
    const r = await engine.compute({ ...bigRequest, onProgress: (p) => seen.push(p) });
    expect(r.meta.numThreads).toBe(2);
    expect(seen.length).toBe(r.meta.chunks);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({ processed: 1176, total: 1176 });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.processed).toBeGreaterThan(seen[i - 1]!.processed);
  });

  it('cancels: rejects with COMPUTE_CANCELLED and writes nothing after the rejection', async () => {
    const est = engine.estimate({ indicator: 'ma.ema', t: big.close.length, grid: bigRequest.grid });
    const out = new SharedArrayBuffer(est.bytesOut);
    const view = new Float32Array(out);
    view.fill(-1);
    const ac = new AbortController();
    const p = engine.compute({ ...bigRequest, out, signal: ac.signal, onProgress: () => ac.abort() });
    const e = await failure(p);
    expect(e.code).toBe('COMPUTE_CANCELLED');
    const snapshot = view.slice();
    await new Promise((r) => setTimeout(r, 300));
    let changed = 0;
    for (let i = 0; i < view.length; i += 97) if (!Object.is(view[i], snapshot[i])) changed++;
    expect(changed).toBe(0);
    // Some variants were never computed.
    expect(view.some((x) => x === -1)).toBe(true);
    // A signal that already fired refuses the call outright.
    expect((await failure(engine.compute({ ...bigRequest, signal: AbortSignal.abort() }))).code).toBe('COMPUTE_CANCELLED');
  });

  it('times out with COMPUTE_TIMEOUT and the next call succeeds', async () => {
    const e = await failure(engine.compute({ ...bigRequest, timeoutMs: 5 }));
    expect(e.code).toBe('COMPUTE_TIMEOUT');
    expect(e.message).toMatch(/timeoutMs 5/);
    const r = await engine.compute({ indicator: 'ma.sma', candles: big, grid: { window: [5, 6] } });
    expect(r.variants).toBe(2);
  });

  it('fails only the call whose worker died, replaces the worker, and the next call succeeds', async () => {
    // Killed once the compute is under way (both workers busy), whatever the machine's speed.
    let kill: Promise<void> | undefined;
    const e = await failure(engine.compute({ ...bigRequest, onProgress: () => { kill ??= engine.killWorkerForDrill(0); } }));
    await kill;
    expect(e.code).toBe('WORKER_CRASHED');
    expect(e.message).toMatch(/worker died/);
    const r = await engine.compute(bigRequest);
    expect(r.variants).toBe(1176);
    expect(Number.isFinite(r.at('ema', 99_999, 1175))).toBe(true);
  });

  it('runs concurrent calls to completion with the same values as one at a time', async () => {
    const small = syntheticCandles({ t: 20_000, seed: 5 });
    const reqs = ['ma.sma', 'ma.ema', 'momentum.rsi', 'volatility.atr', 'ma.sma', 'ma.ema'].map((indicator, i) => ({
      indicator, candles: small, grid: { window: { start: 5 + i, stop: 120 } }, dtype: 'float64' as const,
    }));
    const together = await Promise.all(reqs.map((r) => engine.compute(r)));
    for (let i = 0; i < reqs.length; i++) {
      const a = together[i]!.values(), b = (await engine.compute(reqs[i]!)).values();
      expect(a.length).toBe(b.length);
      let differ = 0;
      for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) differ++;
      expect(differ).toBe(0);
    }
  });

  it('keeps the event loop turning during a long compute', async () => {
    // Behaviour only: timers fire while the grid computes. The lag figures
    // (p99, max) are the bench's lag suite; a loaded CI machine would blur them.
    let ticks = 0;
    const timer = setInterval(() => { ticks++; }, 10);
    const ticksWhileComputing = await engine.compute({ ...bigRequest, grid: { source: ['close', 'hlc3', 'ohlc4'], window: { start: 5, stop: 200 } } }).then(() => ticks);
    clearInterval(timer);
    expect(ticksWhileComputing).toBeGreaterThan(0);
  });
});
