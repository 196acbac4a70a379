// Bench suite `stream` (npm run bench -- --suite stream): push latency into
// the headline grids, pushMany beside compute() on the same bars, and push
// beside the batch cost of one bar over default grids (stepped ids and ids
// that recompute their current run; --only REGEX: the ids it matches, as
// bench/run.mjs filters). Every ratio is of figures measured side
// by side in this run; push latencies are per call on the calling thread.
import os from 'node:os';
import { listIndicators } from '../dist/index.js';
import { cpuPathMs, median, pushManyBesideCompute, quantile, runQueueMs, threadTimes } from './common.mjs';

const HEADLINE = { source: ['close', 'open', 'high', 'low', 'hl2', 'hlc3'], window: { start: 5, stop: 200 } }; // 1176 variants
const LONG_WMA = { window: { start: 5, stop: 600, step: 5 } }; // 120 variants, 69 over 256
// pushMany beside compute(): pairs until each side took PAIRS.minMs (at least --runs pairs, at most PAIRS.maxPairs);
// the per-bar section's compute() calls likewise.
const PAIRS = { minMs: 100, maxPairs: 30 };
// The headline grids (about 40 ms a call on a quiet machine, 6 pairs by PAIRS) take five times that.
const HEADLINE_PAIRS = { minMs: 500, maxPairs: 30 };
const SAMPLE = ['ma.sma', 'ma.ema', 'ma.rma', 'ma.wma', 'momentum.rsi', 'volatility.atr', 'momentum.macd', 'volatility.bbands', 'trend.adx', 'volume.obv'];

const bar = (c, i) => ({ ts_open: c.ts_open[i], open: c.open[i], high: c.high[i], low: c.low[i], close: c.close[i], volume: c.volume[i] });
const slice = (c, from, to) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.subarray(from, to)]));
/** The outputs of an id a stream takes (not those that look ahead, as trend.ichimoku's lagging). */
const streamable = (id) => listIndicators().find((i) => i.id === id).outputs.filter((o) => !o.looksAhead).map((o) => o.name);

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

/**
 * ctx: bench/run.mjs's suite context (engineWith, the workload candles, runs,
 * quick, only, log, report, table). `--only REGEX` narrows every section to
 * the ids it matches, and the per-bar section then takes every such id (not
 * just SAMPLE), e.g. `npm run bench -- --suite stream --only 'structure\.m'`.
 */
export async function streamSuite({ engineWith, candles, runs, quick, only, samples, log, report, table }) {
  const pick = (ids) => ids.filter((id) => !only || only.test(id));
  const perBarIds = only ? listIndicators().filter((i) => !i.aliasOf && only.test(i.id)).map((i) => i.id) : SAMPLE;
  const engine = await engineWith('native', os.availableParallelism());
  const history = quick ? 2_000 : 10_000;
  const pushes = quick ? 1_000 : 5_000;
  const many = 10_000;
  // After a history through the kernels, V8 optimizes step() only after a few thousand pushes
  // (bench/stream-warmup.mjs shows it per block of 1,000 pushes): the figures are of the steady state.
  const warm = quick ? 1_000 : 5_000;
  const headline = [];
  for (const indicator of pick(['ma.sma', 'ma.ema'])) {
    const s = await engine.stream({ indicator, grid: HEADLINE, history: slice(candles, 0, history) });
    pushTimes(s, candles, history, history + warm); // warm the JIT
    const us = pushTimes(s, candles, history + warm, history + warm + pushes);
    // The forming bar: one update of the last bar per push.
    const upd = [];
    for (let i = 0; i < 200; i++) {
      const b = bar(candles, history + warm + pushes + i);
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
  // The headline grids, and default grids of the ids whose batches run their kernels (with its state, or
  // over a prelude of the bars seen: ma.wma, also after a history; its windows over 256 with the kernel's
  // state after a lead of the longest); the stream starts fresh unless `after`.
  const manyCases = [
    ['ma.sma', HEADLINE], ['ma.ema', HEADLINE], ['ma.rma', HEADLINE], ['ma.wma'], ['ma.wma', undefined, 1_000], ['ma.wma', LONG_WMA, 1_000], ['momentum.rsi'], ['momentum.macd'],
    ['momentum.cmo'], ['momentum.macdfix'], ['momentum.macdext'], ['momentum.apo'], ['momentum.ppo'], ['volatility.atr'], ['volatility.natr'], ['momentum.plus_dm'], ['momentum.minus_dm'],
  ];
  // With --only, also every other id it matches, on its default grid (how far the rest are from the goal).
  if (only) for (const id of perBarIds) if (!manyCases.some(([c, g]) => c === id && !g)) manyCases.push([id]);
  for (const [indicator, grid, after = 0] of manyCases.filter(([id]) => pick([id]).length > 0)) {
    // Outputs that look ahead cannot be streamed (trend.ichimoku's lagging): both sides go without them.
    const outputs = streamable(indicator);
    const bars = slice(candles, after, after + many);
    const past = after > 0 ? slice(candles, 0, after) : undefined;
    const m = await pushManyBesideCompute(engine, { indicator, grid, outputs, history: past, bars }, runs, { ...(grid === HEADLINE ? HEADLINE_PAIRS : PAIRS), samples });
    const probe = await engine.stream({ indicator, grid, outputs });
    const { mode, batchRoute } = probe;
    probe.close();
    const label = grid === LONG_WMA ? `${indicator} 5..600 step 5` : indicator;
    const { samples: pairs, ...figures } = m;
    manyRows.push({ case: after > 0 ? `${label} (after ${after.toLocaleString('en-US')} bars)` : label, mode, batchRoute, variants: engine.estimate({ indicator, grid, t: many }).variants, bars: many, ...figures });
    if (pairs) {
      log(`${manyRows.at(-1).case}: pairs in order (first side; pushMany ms, compute ms, ratio; CPU path ms each; run-queue ms each)`);
      for (const x of pairs) log(`  ${x.first.padEnd(8)} ${x.pushMany.ms.toFixed(2)} ${x.compute.ms.toFixed(2)} ${(x.pushMany.ms / x.compute.ms).toFixed(2)}  ${x.pushMany.pathMs?.toFixed(2)} ${x.compute.pathMs?.toFixed(2)}  ${x.pushMany.waitMs?.toFixed(2)} ${x.compute.waitMs?.toFixed(2)}`);
    }
  }

  // push beside the batch cost of one bar of the same default grid.
  const perBar = [];
  for (const indicator of perBarIds) {
    const outputs = streamable(indicator);
    const request = { indicator, outputs, candles: slice(candles, 0, history) };
    const batchCall = async () => {
      const c0 = threadTimes(), t0 = performance.now();
      (await engine.compute(request)).release();
      const ms = performance.now() - t0, c1 = threadTimes();
      return { ms, pathMs: cpuPathMs(c0, c1), waitMs: runQueueMs(c0, c1) };
    };
    // After one cold call, at least `runs` calls, more until they took PAIRS.minMs (cheap grids, whose wall time varies most).
    await batchCall();
    const batch = [];
    for (let took = 0; batch.length < runs || (batch.length < PAIRS.maxPairs && took < PAIRS.minMs);) {
      batch.push(await batchCall());
      took += batch.at(-1).ms;
    }
    const batchMs = median(batch.map((b) => b.ms));
    const s = await engine.stream({ indicator, outputs, history: slice(candles, 0, history) });
    // Stepped ids take many pushes; ids that recompute their run take as many as fit in about a second.
    const n = s.mode === 'stepped' ? 2_000 : Math.max(5, Math.min(200, Math.floor(1000 / batchMs)));
    // A history through the kernels leaves step() cold: warm the JIT as the headline grids do (stepped ids).
    const warmed = s.mode === 'stepped' ? warm : 5;
    pushTimes(s, candles, history, history + warmed);
    const us = pushTimes(s, candles, history + warmed, history + warmed + n);
    const perBarUs = (ms) => (ms * 1000) / history;
    const batchPerBarUs = perBarUs(batchMs), pushUs = median(us);
    const hasPath = batch.every((b) => b.pathMs > 0), hasWait = batch.every((b) => b.waitMs !== null);
    perBar.push({
      case: indicator, variants: s.variants, mode: s.mode, barsInRun: s.barsSeen, batchPerBarUs, pushUs, ratio: pushUs / batchPerBarUs, pushes: n,
      batchCalls: batch.length, batchQ1PerBarUs: perBarUs(quantile(batch.map((b) => b.ms), 0.25)), batchQ3PerBarUs: perBarUs(quantile(batch.map((b) => b.ms), 0.75)),
      batchPathPerBarUs: hasPath ? perBarUs(median(batch.map((b) => b.pathMs))) : null,
      waitPerMs: hasWait ? median(batch.map((b) => b.waitMs / b.ms)) : null,
    });
    s.close();
  }

  log(`\nstream (${engine.warmupReport.backend}): push into the 1,176-variant grids (history ${history.toLocaleString('en-US')} bars, ${pushes.toLocaleString('en-US')} pushes, microseconds per call on the calling thread)`);
  log(table(['indicator', 'mode', 'variants', 'state KiB', 'push median us', 'push p99 us', 'update median us'],
    headline.map((r) => [r.case, r.mode, r.variants, (r.stateBytes / 1024).toFixed(0), r.pushMedianUs.toFixed(1), r.pushP99Us.toFixed(1), r.updateMedianUs.toFixed(1)])));
  const x2 = (v) => (v === null ? 'n/a' : v.toFixed(2));
  log(`\npushMany of ${many.toLocaleString('en-US')} bars beside compute() on the same bars: pairs of one call each, the side going first alternating, at least ${runs} pairs and more until each side took ${PAIRS.minMs} ms (${HEADLINE_PAIRS.minMs} ms for the 1,176-variant grids; at most ${PAIRS.maxPairs}); ratios are medians of the per-pair ratios, with their quartiles; wall time, CPU time of every thread of the process, and the CPU critical path (main thread + busiest worker); wait/ms: milliseconds the process's threads waited for a core per millisecond of wall time (0 on an idle machine; the higher, the less the wall ratio says); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  log(table(['indicator', 'mode', 'batch route', 'variants', 'pairs', 'pushMany ms', 'compute ms', 'ratio', 'ratio q1..q3', 'cpu ratio', 'path ratio', 'wait/ms'],
    manyRows.map((r) => [r.case, r.mode, r.batchRoute, r.variants, r.pairs, r.pushManyMs.toFixed(1), r.computeMs.toFixed(1), r.ratio.toFixed(2), `${r.ratioQ1.toFixed(2)}..${r.ratioQ3.toFixed(2)}`, r.cpuRatio.toFixed(2), x2(r.pathRatio), x2(r.waitPerMs)])));
  const limit = (perBarUs) => 3 * perBarUs + 5;
  log(`\npush beside the batch cost of one bar (compute() over ${history.toLocaleString('en-US')} bars / ${history.toLocaleString('en-US')}), default grids, gap-free history of ${history.toLocaleString('en-US')} bars, ${warm.toLocaleString('en-US')} pushes to warm the JIT (stepped ids), then the median of the next 2,000; batch: at least ${runs} compute() calls, more until they took ${PAIRS.minMs} ms (at most ${PAIRS.maxPairs}), median and quartiles of wall time, and median of the CPU critical path; goal: push <= 3x batch + 5 us (push / goal, by wall and by CPU path)`);
  log(table(['indicator', 'mode', 'variants', 'calls', 'batch us/bar', 'q1..q3', 'batch path us/bar', 'wait/ms', 'push us', 'ratio', 'push / goal', 'push / goal (path)'], perBar.map((r) => [r.case, r.mode, r.variants, r.batchCalls, r.batchPerBarUs.toFixed(2),
    `${r.batchQ1PerBarUs.toFixed(2)}..${r.batchQ3PerBarUs.toFixed(2)}`, x2(r.batchPathPerBarUs), x2(r.waitPerMs), r.pushUs.toFixed(1), r.ratio.toFixed(1), (r.pushUs / limit(r.batchPerBarUs)).toFixed(2),
    r.batchPathPerBarUs === null ? 'n/a' : (r.pushUs / limit(r.batchPathPerBarUs)).toFixed(2)])));
  report.suites.stream = { backend: engine.warmupReport.backend, history, pushes, loadAverage: os.loadavg(), headline, pushMany: manyRows, perBar };
  await engine.close();
}
