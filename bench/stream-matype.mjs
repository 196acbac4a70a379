// push() into grids of the 'wma' MA type beside the goal of the stream
// bench (3x the batch cost of one bar plus 5 µs): the stream's WmaLane sums
// each window's ring afresh on every push, O(window) per variant, where the
// kernels share one diagonal per source. Native backend, after a history of
// 10,000 bars and 5,000 warm-up pushes; the batch cost is the median of 5
// compute() calls over the same 10,000 bars.
//   node bench/stream-matype.mjs
import { createEngine } from '../dist/index.js';
import { silentLogger } from '../dist/runtime/logger.js';
import { median, workload } from './common.mjs';

const history = 10_000, warm = 5_000, timed = 5_000, batch = 10_000;
const candles = workload(history + warm + timed, 7);
const part = (a, b) => Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.slice(a, b)]));
const CASES = [
  ['momentum.stoch', { slowk_matype: ['wma'], slowd_matype: ['wma'] }],
  ['momentum.apo', { matype: ['wma'] }],
  ['volatility.bbands', { window: { start: 5, stop: 200 }, mult: [2], matype: ['wma'] }],
  ['momentum.macdext', { fast_matype: ['wma'], slow_matype: ['wma'], signal_matype: ['wma'] }],
];
const engine = await createEngine({ backend: 'native', nativeBuild: 'off', logger: silentLogger });
for (const [indicator, grid] of CASES) {
  const s = await engine.stream({ indicator, grid, history: part(0, history) });
  const us = [];
  for (let t = history; t < history + warm + timed; t++) {
    const bar = { ts_open: candles.ts_open[t], open: candles.open[t], high: candles.high[t], low: candles.low[t], close: candles.close[t], volume: candles.volume[t] };
    const t0 = process.hrtime.bigint();
    s.push(bar);
    if (t >= history + warm) us.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  const variants = s.variants;
  s.close();
  const bars = part(history, history + batch), ms = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    (await engine.compute({ indicator, grid, candles: bars })).release();
    ms.push(performance.now() - t0);
  }
  const perBar = (median(ms) * 1000) / batch, push = median(us), limit = 3 * perBar + 5;
  console.log(`${indicator} ${JSON.stringify(grid)} (${variants} variants): push median ${push.toFixed(1)} µs, batch ${perBar.toFixed(2)} µs per bar, limit ${limit.toFixed(1)} µs (${(push / limit).toFixed(2)}x)`);
}
await engine.close();
