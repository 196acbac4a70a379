// The long memory drill: 1,000 computes in a row on one engine (DRILL_COMPUTES
// to change it). Prints RSS and ArrayBuffer memory every tenth of the run and
// exits 1 when each of the last three tenths peaks more than 256 MiB
// (DRILL_MAX_GROWTH_MIB) above tenths 4 to 6 (memory that never comes back).
import { createEngine } from '../dist/index.js';
import { silentLogger } from '../dist/runtime/logger.js';

const engine = await createEngine({ numThreads: 2, nativeBuild: 'off', logger: silentLogger, cacheDir: process.env.TA_GRID_CACHE_DIR });
await engine.warmup();
const t = 20_000;
const close = Float64Array.from({ length: t }, (_, i) => 100 + Math.sin(i / 10));
const candles = { ts_open: Float64Array.from({ length: t }, (_, i) => i * 60_000), close, high: close.map((x) => x + 1), low: close.map((x) => x - 1) };
const peaks = [];
let peak = 0;
const total = Number(process.env.DRILL_COMPUTES ?? 1000);
const every = Math.max(1, Math.floor(total / 10));
for (let i = 1; i <= total; i++) {
  await engine.compute({ indicator: 'ma.sma', candles, grid: { source: ['close', 'hl2'], window: { start: 5, stop: 50 } } });
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  if (i % every === 0) {
    // Under --expose-gc, measure what survives a collection: retained results
    // show up exactly, without depending on when the collector runs.
    if (typeof globalThis.gc === 'function') {
      globalThis.gc();
      peak = process.memoryUsage().rss;
    }
    peaks.push(peak);
    console.log(`${i} computes: rss ${globalThis.gc ? 'after gc' : 'peak'} ${(peak / 2 ** 20).toFixed(0)} MiB, array buffers ${(m.arrayBuffers / 2 ** 20).toFixed(0)} MiB`);
    peak = 0;
  }
}
await engine.close();
// The first tenths are the ramp to the collectors' working set; compare the
// middle of the run with its end. Memory that is kept grows through every
// tenth, so the lowest of the last three peaks is what counts: one late
// collection on a busy machine is not a leak.
const growth = Math.min(...peaks.slice(-3)) - Math.max(...peaks.slice(3, 6));
console.log(`growth from the middle to the last three tenths: ${(growth / 2 ** 20).toFixed(0)} MiB`);
const limitMiB = Number(process.env.DRILL_MAX_GROWTH_MIB ?? 256);
if (growth > limitMiB * 2 ** 20) {
  console.error('memory drill failed: memory keeps growing');
  process.exitCode = 1;
}
