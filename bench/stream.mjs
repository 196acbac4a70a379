// Bench suite `stream` (npm run bench -- --suite stream): push latency into
// the headline grids, pushMany beside compute() on the same bars, and push
// beside the batch cost of one bar over default grids (stepped ids and ids
// that recompute their current run). Every ratio is of figures measured side
// by side in this run; push latencies are per call on the calling thread.
import os from 'node:os';
import { listIndicators } from '../dist/index.js';
import { median } from './common.mjs';

const HEADLINE = { source: ['close', 'open', 'high', 'low', 'hl2', 'hlc3'], window: { start: 5, stop: 200 } }; // 1176 variants
const SAMPLE = ['ma.sma', 'ma.ema', 'ma.rma', 'ma.wma', 'momentum.rsi', 'volatility.atr', 'momentum.macd', 'volatility.bbands', 'trend.adx', 'volume.obv'];

const bar = (c, i) => ({ ts_open: c.ts_open[i], open: c.open[i], high: c.high[i], low: c.low[i], close: c.close[i], volume: c.volume[i] });
const slice = (c, from, to) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.subarray(from, to)]));
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

/** Microseconds of each push of bars [from, to) into s. */
function pushTimes(s, c, from, to) {
  const us = [];
  for (let i = from; i < to; i++) {
    const b = bar(c, i);
    const t0 = process.hrtime.bigint();
    s.push(b);
    us.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return us;
}

/** ctx: bench/run.mjs's suite context (engineWith, the workload candles, runs, quick, log, report, table). */
export async function streamSuite({ engineWith, candles, runs, quick, only, log, report, table }) {
  const picked = (ids) => ids.filter((id) => !only || only.test(id));
  const engine = await engineWith('native', os.availableParallelism());
  const history = quick ? 2_000 : 10_000;
  const pushes = quick ? 1_000 : 5_000;
  const many = 10_000;
  const headline = [];
  for (const indicator of picked(['ma.sma', 'ma.ema'])) {
    const s = await engine.stream({ indicator, grid: HEADLINE, history: slice(candles, 0, history) });
    pushTimes(s, candles, history, history + 200); // warm the JIT
    const us = pushTimes(s, candles, history + 200, history + 200 + pushes);
    // The forming bar: one update of the last bar per push.
    const upd = [];
    for (let i = 0; i < 200; i++) {
      const b = bar(candles, history + 200 + pushes + i);
      s.push(b);
      const t0 = process.hrtime.bigint();
      s.update({ ...b, close: b.close * 1.0001, high: Math.max(b.high, b.close * 1.0001) });
      upd.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    headline.push({ case: indicator, variants: s.variants, mode: s.mode, stateBytes: s.stateBytes, pushMedianUs: median(us), pushP99Us: quantile(us, 0.99), updateMedianUs: median(upd) });
    s.close();
  }

  // pushMany of 10,000 bars beside compute() over the same bars, interleaved.
  const manyRows = [];
  for (const indicator of picked(['ma.sma', 'ma.ema', 'ma.wma'])) {
    const bars = slice(candles, 0, many);
    const times = { pushMany: [], compute: [] };
    for (let i = 0; i <= runs; i++) {
      const s = await engine.stream({ indicator, grid: indicator === 'ma.wma' ? undefined : HEADLINE });
      let t0 = performance.now();
      (await s.pushMany(bars)).release();
      const tm = performance.now() - t0;
      s.close();
      t0 = performance.now();
      (await engine.compute({ indicator, grid: indicator === 'ma.wma' ? undefined : HEADLINE, candles: bars })).release();
      const tc = performance.now() - t0;
      if (i > 0) { times.pushMany.push(tm); times.compute.push(tc); }
    }
    const pm = median(times.pushMany), cm = median(times.compute);
    manyRows.push({ case: indicator, bars: many, pushManyMs: pm, computeMs: cm, ratio: pm / cm });
  }

  // push beside the batch cost of one bar of the same default grid.
  const perBar = [];
  for (const indicator of only ? picked(listIndicators().filter((i) => !i.aliasOf).map((i) => i.id)) : SAMPLE) {
    const batch = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      (await engine.compute({ indicator, candles: slice(candles, 0, history) })).release();
      if (i > 0) batch.push(performance.now() - t0);
    }
    const batchPerBarUs = (median(batch) * 1000) / history;
    const s = await engine.stream({ indicator, history: slice(candles, 0, history) });
    // Stepped ids take many pushes; ids that recompute their run take as many as fit in about a second.
    const n = s.mode === 'stepped' ? 2_000 : Math.max(5, Math.min(200, Math.floor(1000 / median(batch))));
    pushTimes(s, candles, history, history + 5);
    const us = median(pushTimes(s, candles, history + 5, history + 5 + n));
    perBar.push({ case: indicator, variants: s.variants, mode: s.mode, barsInRun: s.barsSeen, batchPerBarUs, pushUs: us, ratio: us / batchPerBarUs, pushes: n });
    s.close();
  }

  if (headline.length) {
    log(`\nstream (${engine.warmupReport.backend}): push into the 1,176-variant grids (history ${history.toLocaleString('en-US')} bars, ${pushes.toLocaleString('en-US')} pushes, microseconds per call on the calling thread)`);
    log(table(['indicator', 'mode', 'variants', 'state KiB', 'push median us', 'push p99 us', 'update median us'],
      headline.map((r) => [r.case, r.mode, r.variants, (r.stateBytes / 1024).toFixed(0), r.pushMedianUs.toFixed(1), r.pushP99Us.toFixed(1), r.updateMedianUs.toFixed(1)])));
  }
  if (manyRows.length) {
    log(`\npushMany of ${many.toLocaleString('en-US')} bars beside compute() on the same bars (medians of ${runs}, interleaved)`);
    log(table(['indicator', 'pushMany ms', 'compute ms', 'ratio'], manyRows.map((r) => [r.case, r.pushManyMs.toFixed(1), r.computeMs.toFixed(1), r.ratio.toFixed(2)])));
  }
  log(`\npush beside the batch cost of one bar (compute() over ${history.toLocaleString('en-US')} bars / ${history.toLocaleString('en-US')}), default grids, gap-free history of ${history.toLocaleString('en-US')} bars`);
  log(table(['indicator', 'mode', 'variants', 'batch us/bar', 'push us', 'ratio'], perBar.map((r) => [r.case, r.mode, r.variants, r.batchPerBarUs.toFixed(2), r.pushUs.toFixed(1), r.ratio.toFixed(1)])));
  report.suites.stream = { backend: engine.warmupReport.backend, history, pushes, headline, pushMany: manyRows, perBar };
  await engine.close();
}
