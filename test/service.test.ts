// The service example answers its health check while a multi-second grid
// computes, and exposes the engine's metrics. How fast it answers is a
// figure of the bench's lag suite, not an assertion here (CI machines are shared).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

let child: ChildProcess;
let base = '';

beforeAll(async () => {
  child = spawn(process.execPath, [new URL('../examples/service.mjs', import.meta.url).pathname], {
    env: { ...process.env, PORT: '0', TA_GRID_CACHE_DIR: tempDir('service'), TA_GRID_NATIVE_BUILD: 'off', TA_GRID_LOG_LEVEL: 'warn', TA_GRID_NUM_THREADS: '2' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  base = (JSON.parse(line.toString().split('\n')[0]!) as { listening: string }).listening;
});

afterAll(async () => {
  child.kill('SIGTERM');
  await once(child, 'exit');
});

describe('service example', () => {
  it('answers /healthz during a long compute', async () => {
    const big = fetch(`${base}/compute`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ indicator: 'ma.ema', t: 400_000, grid: { source: ['close'], window: { start: 5, stop: 400 } } }),
    });
    const latencies: number[] = [];
    let done = false;
    void big.then(() => { done = true; });
    await new Promise((r) => setTimeout(r, 50));
    while (!done) {
      const t0 = performance.now();
      const h = await fetch(`${base}/healthz`);
      latencies.push(performance.now() - t0);
      expect(h.status).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = (await (await big).json()) as { variants: number; computeMs: number };
    expect(res.variants).toBe(396);
    // Answered while the compute ran, not after it: at least one health check came back before the compute did.
    expect(latencies.length).toBeGreaterThan(0);
  });

  it('serves prometheus metrics and typed errors', async () => {
    const bad = await fetch(`${base}/compute`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ indicator: 'ma.nope' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('UNKNOWN_INDICATOR');
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/ta_grid_compute_duration_seconds_count\{indicator="ma.ema",backend="native"\} 1/);
    expect(text).toMatch(/ta_grid_errors_total\{code="UNKNOWN_INDICATOR"\} 1/);
    expect(text).toMatch(/ta_grid_warmup_seconds \d/);
    expect(text).toMatch(/ta_grid_active_workers 0/);
  });
});
