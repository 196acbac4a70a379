// compute() of the 1,176-variant headline grids (6 sources x windows
// 5..200) over the bundled sample candles (20,160 bars, 95 MB of float32
// output per call), result released after each call: wall time and the CPU
// time of every thread of the process, medians. Calls this size are what a
// service makes between two bars; the per-call costs beside the kernels
// (worker collections, dispatch) show here, where the 2.47 GB plain suite
// hides them. Compare two checkouts by running it in each, alternating:
//   node bench/mid-calls.mjs [--calls 30] [--backend native|wasm]
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { createEngine } from '../dist/index.js';
import { silentLogger } from '../dist/runtime/logger.js';
import { median } from './common.mjs';

const args = process.argv.slice(2);
const arg = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const calls = Number(arg('--calls', '30'));
const backend = arg('--backend', 'native');
const table = tableFromIPC(readFileSync(new URL('../data/sample-candles.arrow', import.meta.url)));
const engine = await createEngine({ backend, nativeBuild: 'off', logger: silentLogger });
const grid = { source: ['close', 'open', 'high', 'low', 'hl2', 'hlc3'], window: { start: 5, stop: 200 } };
for (const indicator of ['ma.sma', 'ma.ema']) {
  const wall = [], cpu = [];
  for (let i = 0; i <= calls; i++) {
    const u0 = process.cpuUsage(), t0 = performance.now();
    (await engine.compute({ indicator, grid, candles: table })).release();
    const ms = performance.now() - t0, u = process.cpuUsage(u0);
    if (i > 0) { wall.push(ms); cpu.push((u.user + u.system) / 1000); }  // the first call warms the pool and the JIT
  }
  console.log(`${backend} ${indicator} 1,176 variants x ${table.numRows.toLocaleString('en-US')} bars: wall ${median(wall).toFixed(1)} ms, CPU ${median(cpu).toFixed(1)} ms (medians of ${calls})`);
}
await engine.close();
