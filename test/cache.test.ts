// Warmup and the artifact cache: fail fast on an unwritable dir, never load a
// corrupted artifact, survive two processes warming one empty dir at once.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../dist/index.js';
import { ArtifactStore } from '../dist/runtime/cache.js';
import { loadCacheKey } from '../dist/runtime/trust.js';
import { syntheticCandles, tempDir, testEngineOptions } from './helpers.js';

const run = promisify(execFile);
/** The store as engines of this test run see it: signed with the per-user key under the test HOME. */
const store = (dir: string) => new ArtifactStore(dir, loadCacheKey(null).key);

async function warm(cacheDir: string, extra = {}) {
  const engine = await createEngine(testEngineOptions({ cacheDir, ...extra }));
  try {
    return await engine.warmup();
  } finally {
    await engine.close();
  }
}

describe('warmup and artifact cache', () => {
  it('fails fast with WARMUP_FAILED naming the path and the fix when the cache dir cannot be created', async () => {
    const file = path.join(tempDir('notadir'), 'file');
    writeFileSync(file, 'x');
    const engine = await createEngine(testEngineOptions({ cacheDir: path.join(file, 'cache') }));
    const e = await engine.warmup().then(() => ({}) as never, (err) => err as { code: string; message: string });
    expect(e.code).toBe('WARMUP_FAILED');
    expect(e.message).toContain(path.join(file, 'cache'));
    expect(e.message).toMatch(/TA_GRID_CACHE_DIR/);
    await engine.close();
  });

  it('reports a cold then a warm cache, and logs one warmup line with the figures', async () => {
    const dir = tempDir('cache');
    const cold = await warm(dir);
    expect(cold.cacheWasWarm).toBe(false);
    expect(cold.artifacts.misses).toBeGreaterThan(0);
    const lines: { msg: string; obj: Record<string, unknown> }[] = [];
    const logger = { info: (obj: object, msg = '') => lines.push({ msg, obj: obj as never }), warn() {}, error() {}, debug() {} };
    const again = await warm(dir, { logger });
    expect(again.cacheWasWarm).toBe(true);
    expect(again.artifacts).toEqual({ hits: 2, misses: 0, rebuilt: 0 });
    const line = lines.filter((l) => l.msg === 'ta-grid warmup complete');
    expect(line.length).toBe(1);
    expect(line[0]!.obj).toMatchObject({ num_threads_effective: 1, cache_dir: dir, backend: 'native', artifact_hits: 2, artifact_misses: 0 });
    expect(typeof line[0]!.obj.warmup_seconds).toBe('number');
  });

  it.each([
    ['a flipped byte', (f: string) => { const b = readFileSync(f); b[b.length >> 1] ^= 0xff; writeFileSync(f, b); }],
    ['a truncated file', (f: string) => truncateSync(f, 100)],
  ])('quarantines and rebuilds an artifact with %s, never loading it', async (_n, damage) => {
    const dir = tempDir('cache');
    await warm(dir);
    const entry = JSON.parse(readFileSync(path.join(dir, 'manifest', 'wasm.json'), 'utf8')) as { file: string; sha256: string };
    damage(path.join(dir, entry.file));
    expect(store(dir).inspect('wasm').status).toBe('invalid');
    const report = await warm(dir, { backend: 'wasm' });
    expect(report.artifacts.rebuilt).toBe(1);
    expect(report.backend).toBe('wasm');
    expect(readdirSync(path.join(dir, 'quarantine')).some((f) => f.startsWith(entry.file))).toBe(true);
    expect(store(dir).inspect('wasm').status).toBe('valid');
    // And the rebuilt backend computes correctly.
    const engine = await createEngine(testEngineOptions({ cacheDir: dir, backend: 'wasm' }));
    const candles = syntheticCandles({ t: 50, seed: 1 });
    const r = await engine.compute({ indicator: 'ma.sma', candles, grid: { window: [2] }, dtype: 'float64' });
    expect(r.at('sma', 1, 0)).toBeCloseTo((candles.close[0]! + candles.close[1]!) / 2, 12);
    await engine.close();
  });

  it('lets two processes warm one empty cache dir at once; both succeed and the cache verifies', async () => {
    const dir = tempDir('shared-cache');
    const script = `
      import { createEngine } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
      const e = await createEngine({ cacheDir: process.env.CACHE_DIR, numThreads: 1, nativeBuild: 'off', logger: { info() {}, warn() {}, error() {}, debug() {} } });
      const r = await e.warmup();
      const c = await e.compute({ indicator: 'ma.ema', candles: { ts_open: [1, 2, 3], close: [1, 2, 3] }, grid: { window: [2] } });
      console.log(JSON.stringify({ backend: r.backend, last: c.at('ema', 2, 0) }));
      await e.close();`;
    const both = await Promise.all([0, 1].map(() => run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, CACHE_DIR: dir } })));
    for (const { stdout } of both) expect(JSON.parse(stdout)).toEqual({ backend: 'native', last: 2.5 });
    const states = store(dir).list();
    expect(states.map((s) => s.name).sort()).toEqual(['calibration-native-packaged', 'wasm']);
    for (const s of states) expect(s.status).toBe('valid');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('uses per-indicator default grids from the config file', async () => {
    const dir = tempDir('cfg');
    const file = path.join(dir, 'c.yaml');
    writeFileSync(file, 'indicators:\n  ma.sma:\n    grid:\n      window: { start: 10, stop: 20 }\n');
    const engine = await createEngine(testEngineOptions({ configFile: file }));
    const r = await engine.compute({ indicator: 'ma.sma', candles: syntheticCandles({ t: 40, seed: 2 }) });
    expect(r.axes[1]).toEqual({ name: 'window', values: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] });
    await engine.close();
  });
});
