// Fault drills (also `npm run drills`): what a service meets in production.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../dist/index.js';
import { failure, syntheticCandles, tempDir, testEngineOptions } from './helpers.js';

const candles = syntheticCandles({ t: 50_000, seed: 8 });
const request = { indicator: 'ma.ema', candles, grid: { source: ['close', 'hlc3'], window: { start: 5, stop: 200 } } };

async function withEngine<T>(opts: object, fn: (e: Engine) => Promise<T>): Promise<T> {
  const e = await createEngine(testEngineOptions({ numThreads: 2, ...opts }));
  try {
    return await fn(e);
  } finally {
    await e.close();
  }
}

describe('fault drills', () => {
  it.each(['/sys/ta-grid-cache', '/proc/ta-grid-cache/x'])('cache dir on a read-only or virtual filesystem (%s): warmup fails fast, naming the path', async (dir) => {
    const e = await failure(withEngine({ cacheDir: dir }, (eng) => eng.warmup()));
    expect(e.code).toBe('WARMUP_FAILED');
    expect(e.message).toContain(`${dir} is not writable`);
  });

  it('a warmup failure seen through compute() is one log line and one error count', async () => {
    const lines: string[] = [];
    const logger = { info() {}, debug() {}, warn: (_o: object, m = '') => lines.push(m), error: (_o: object, m = '') => lines.push(m) };
    const engine = await createEngine(testEngineOptions({ cacheDir: '/sys/ta-grid-cache', logger }));
    expect((await failure(engine.compute(request))).code).toBe('WARMUP_FAILED');
    const errors = (await Promise.all(engine.metrics().map((m) => m.get()))).find((m) => m.name === 'ta_grid_errors_total')!;
    expect(errors.values).toEqual([{ value: 1, labels: { code: 'WARMUP_FAILED' } }]);
    expect(lines).toEqual(['ta-grid warmup failed']);
    await engine.close();
  });

  it('cache dir deleted while running: computes go on, health says degraded, the next warmup rebuilds it', async () => {
    const dir = tempDir('deleted');
    await withEngine({ cacheDir: dir }, async (engine) => {
      await engine.warmup();
      rmSync(dir, { recursive: true, force: true });
      expect((await engine.compute(request)).variants).toBe(392);
      expect(engine.health()).toMatchObject({ status: 'degraded', cache: { exists: false } });
    });
    const report = await withEngine({ cacheDir: dir }, (engine) => engine.warmup());
    expect(report.artifacts.misses).toBeGreaterThan(0);
  });

  it('native addon missing: auto falls back to wasm and says so; backend native fails loudly', async () => {
    const script = (backend: string) => `
      import { createEngine } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
      const warnings = [];
      const logger = { info() {}, debug() {}, error() {}, warn: (o, m) => warnings.push(m) };
      try {
        const e = await createEngine({ backend: '${backend}', numThreads: 1, nativeBuild: 'off', cacheDir: process.env.CACHE_DIR, logger });
        const r = await e.warmup();
        console.log(JSON.stringify({ backend: r.backend, fallback: r.backendFallback, warnings }));
        await e.close();
      } catch (err) { console.log(JSON.stringify({ code: err.code, message: err.message })); }`;
    const run = async (backend: string) => JSON.parse((await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script(backend)], { env: { ...process.env, TA_GRID_DISABLE_NATIVE: '1', CACHE_DIR: tempDir('nonative') } })).stdout);
    const auto = await run('auto');
    expect(auto.backend).toBe('wasm');
    expect(auto.fallback).toMatch(/native backend could not be loaded/);
    expect(auto.warnings).toContain('ta-grid native backend unavailable, using wasm');
    const native = await run('native');
    expect(native.code).toBe('BACKEND_UNAVAILABLE');
    expect(native.message).toMatch(/native backend could not be loaded.*use backend: "wasm"/);
  });

  it('a worker terminated while it calls into the addon: the process lives on (the call\'s error is dropped, not rethrown into an abort)', async () => {
    // Each worker calls the addon in a loop, calls that fail; the main thread terminates it mid-call. node-addon-api
    // rethrew the error it could not raise in a terminating worker out of its callback wrapper: std::terminate.
    const script = `
      import { Worker } from 'node:worker_threads';
      for (let i = 0; i < 40; i++) {
        const w = new Worker(\`
          const { parentPort } = require('node:worker_threads');
          const addon = require(\${JSON.stringify(process.env.ADDON)});
          parentPort.postMessage('ready');
          for (;;) { try { addon.run(); } catch {} try { addon.outputFit(); } catch {} }\`, { eval: true, execArgv: [] });
        await new Promise((r) => w.once('message', r));
        await new Promise((r) => setTimeout(r, i % 5));
        await w.terminate();
      }
      console.log('survived');`;
    const { packagedAddonPath } = await import('../dist/backends/native.js');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ADDON: packagedAddonPath() } });
    expect(stderr).not.toContain('terminate called');
    expect(stdout.trim()).toBe('survived');
  });

  it('a compute cancelled and another started at once: the second completes, correct', async () => {
    await withEngine({}, async (engine) => {
      const ac = new AbortController();
      const first = engine.compute({ ...request, signal: ac.signal });
      const second = engine.compute({ ...request, grid: { window: [20] }, dtype: 'float64' });
      ac.abort();
      expect((await failure(first)).code).toBe('COMPUTE_CANCELLED');
      const r = await second;
      let s = 0;
      for (let i = 0; i < 20; i++) s += candles.close[i]!;
      expect(r.at('ema', 19, 0)).toBeCloseTo(s / 20, 9);
    });
  });

  it('close() during a compute: the call rejects with ENGINE_CLOSED and later calls too', async () => {
    const engine = await createEngine(testEngineOptions({ numThreads: 2 }));
    await engine.warmup();
    const big = { ...request, candles: syntheticCandles({ t: 300_000, seed: 3 }), grid: { source: ['close', 'open', 'high', 'low'], window: { start: 5, stop: 200 } } };
    const running = failure(engine.compute(big)); // handled from the start: close() settles it
    await new Promise((r) => setTimeout(r, 20));
    await engine.close();
    expect((await running).code).toBe('ENGINE_CLOSED');
    expect((await failure(engine.compute(request))).code).toBe('ENGINE_CLOSED');
  });

  it('50 concurrent computes from one process all complete', async () => {
    await withEngine({}, async (engine) => {
      const small = syntheticCandles({ t: 5_000, seed: 2 });
      const ids = ['ma.sma', 'ma.ema', 'momentum.rsi', 'volatility.atr'];
      const all = await Promise.all(Array.from({ length: 50 }, (_, i) => engine.compute({ indicator: ids[i % 4]!, candles: small, grid: { window: { start: 5, stop: 5 + (i % 30) } } })));
      expect(all.map((r) => r.variants)).toEqual(Array.from({ length: 50 }, (_, i) => 1 + (i % 30)));
      expect(engine.health().pool).toMatchObject({ active: 0, queued: 0 });
    });
  });

  it('memory reaches a plateau over many computes in a row (npm run drills:memory runs 1,000)', async () => {
    // In its own process, as a service runs: the test runner's heap would blur it.
    // With --expose-gc the drill measures what survives a collection, so the
    // result does not depend on when a loaded machine gets round to collecting.
    const drill = promisify(execFile)(process.execPath, ['--expose-gc', new URL('../scripts/memory-drill.mjs', import.meta.url).pathname], {
      env: { ...process.env, DRILL_COMPUTES: '800', TA_GRID_CACHE_DIR: tempDir('memory') },
    });
    // On failure, show the drill's own report (memory per tenth of the run).
    const { stdout } = await drill.catch((e: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    });
    expect(stdout).toMatch(/growth from the middle to the last three tenths: -?\d+ MiB/);
  });
});
