// Streams of grids with a non-default MA type (the `matype` axes of STOCH,
// STOCHF, APO, PPO, MACDEXT and BBANDS). Native backend.
// push: push() beside the goal of the stream bench (3x the batch cost of
// one bar plus 5 µs), after a history of 10,000 bars and 5,000 warm-up
// pushes; the batch cost is the median of 5 compute() calls over the same
// 10,000 bars. The 'wma' type's WmaLane sums each window's ring afresh on
// every push, O(window) per variant, where the kernels share one diagonal.
// pushMany: pushMany() of 10,000 bars after a 10,000-bar history beside
// compute() over the same 10,000 bars, in pairs alternating which goes
// first (bench/common.mjs pushManyBesideCompute: at least 6 pairs, more until
// each side took 150 ms), medians of the per-pair ratios of wall, CPU and
// CPU critical-path time, with each grid's batch
// route ('kernel': the TA_MA lanes continue in the kernel; 'steps': in
// TypeScript, for the 'wma' and 'mama' types).
//   node bench/stream-matype.mjs [push|pushMany]   (both by default)
import { createEngine } from '../dist/index.js';
import { silentLogger } from '../dist/runtime/logger.js';
import { median, pushManyBesideCompute, workload } from './common.mjs';

const history = 10_000, warm = 5_000, timed = 5_000, batch = 10_000;
const candles = workload(history + warm + timed, 7);
const part = (a, b) => Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.slice(a, b)]));
const CASES = [
  ['momentum.stoch', { slowk_matype: ['wma'], slowd_matype: ['wma'] }],
  ['momentum.apo', { matype: ['wma'] }],
  ['volatility.bbands', { window: { start: 5, stop: 200 }, mult: [2], matype: ['wma'] }],
  ['momentum.macdext', { fast_matype: ['wma'], slow_matype: ['wma'], signal_matype: ['wma'] }],
];
const section = process.argv[2];
const engine = await createEngine({ backend: 'native', nativeBuild: 'off', logger: silentLogger });
for (const [indicator, grid] of section === 'pushMany' ? [] : CASES) {
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
// Every laned type at least once, and the 'wma' and 'mama' grids that still step.
const MANY = [
  ['momentum.stoch', { slowk_matype: ['ema'], slowd_matype: ['sma'] }],
  ['momentum.stoch', { slowk_matype: ['dema', 'tema'], slowd_matype: ['t3'] }],
  ['momentum.stochf', { fastd_matype: ['trima', 'kama'] }],
  ['momentum.apo', { matype: ['sma', 'kama'] }],
  ['momentum.ppo', { matype: ['t3', 'trima'] }],
  ['momentum.macdext', { fast_matype: ['sma'], slow_matype: ['dema'], signal_matype: ['ema'] }],
  ['momentum.stoch', { slowk_matype: ['wma'], slowd_matype: ['wma'] }],
  ['momentum.apo', { matype: ['mama'] }],
  ['volatility.bbands', { matype: ['ema'] }],
];
for (const [indicator, grid] of section === 'push' ? [] : MANY) {
  const probe = await engine.stream({ indicator, grid });
  const route = probe.batchRoute, variants = probe.variants;
  probe.close();
  const m = await pushManyBesideCompute(engine, { indicator, grid, history: part(0, history), bars: part(history, history + batch) }, 6);
  console.log(`${indicator} ${JSON.stringify(grid)} (${variants} variants, ${route}): pushMany ${m.pushManyMs.toFixed(1)} ms, compute ${m.computeMs.toFixed(1)} ms (${m.ratio.toFixed(2)}x wall, quartiles ${m.ratioQ1.toFixed(2)}..${m.ratioQ3.toFixed(2)}, ${m.cpuRatio.toFixed(2)}x CPU, ${m.pathRatio?.toFixed(2) ?? 'n/a'}x CPU path; ${m.pairs} pairs)`);
}
await engine.close();
