// One case of the rss suite, in its own process: peak RSS growth of one
// compute() against estimate().bytesTotalEst, printed as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../dist/index.js';
import { silentLogger } from '../dist/runtime/logger.js';
import { workload } from './common.mjs';

const c = JSON.parse(process.argv[2]);
const status = () => readFileSync('/proc/self/status', 'utf8');
const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status())[1]) * 1024;
const engine = await createEngine({ numThreads: 2, nativeBuild: 'off', logger: silentLogger, env: {}, cacheDir: path.join(os.tmpdir(), 'ta-grid-bench-rss-cache') });
await engine.warmup();
const candles = workload(c.t, 11);
// A first small call loads every lazily loaded piece of code on the workers.
await engine.compute({ indicator: c.indicator, candles: workload(1_000, 1), grid: { ...(c.grid ?? {}), ...(c.grid?.source ? { source: c.grid.source.slice(0, 1) } : {}) } });
const est = engine.estimate({ indicator: c.indicator, t: c.t, grid: c.grid, dtype: c.dtype });
writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS
const before = kib('VmRSS');
const r = await engine.compute({ indicator: c.indicator, candles, grid: c.grid, dtype: c.dtype });
const peak = kib('VmHWM');
console.log(JSON.stringify({ variants: r.variants, estimate: est.bytesTotalEst, growth: peak - before }));
await engine.close();
