// Suites about what a call promises a service rather than how fast it is:
// abort latency, event-loop lag during the heavy cases, peak RSS against
// estimate(), and the cost of a call on prepared candles.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { tableFromArrays } from 'apache-arrow';
import { listIndicators } from '../dist/index.js';
import { NativeBackend } from '../dist/backends/native.js';
import { median, workload } from './common.mjs';

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** The default grid of an indicator narrowed to the largest default value of every int param (its slowest variants). */
function largestWindows(info) {
  const grid = {};
  for (const a of info.axes) {
    if (a.kind !== 'int') continue;
    const d = a.default;
    const values = typeof d === 'number' ? [d] : Array.isArray(d) ? d : (() => { const out = []; for (let v = d.start; v <= d.stop; v += d.step ?? 1) out.push(v); return out; })();
    grid[a.name] = [Math.max(...values)];
  }
  return grid;
}

/**
 * Abort-to-reject latency on every kernel, for its default grid and for its
 * largest default windows alone, with a second call queued behind the first:
 * both are aborted a fixed delay after they start, and the time from abort()
 * to each rejection is recorded.
 */
export async function abortSuite({ engineWith, candles, runs, only, log, report, table }) {
  const threads = Math.min(2, os.availableParallelism());
  const engine = await engineWith('native', threads);
  const prepared = await engine.prepare(candles);
  const samples = [], queued = [], perKernel = [];
  for (const info of listIndicators().filter((i) => !i.aliasOf && (!only || only.test(i.id)))) {
    const mine = [];
    for (const [shape, grid] of [['default', undefined], ['largest windows', largestWindows(info)]]) {
      for (let r = 0; r < runs; r++) {
        const ac = new AbortController();
        const settle = (p) => p.then(() => ({ ok: true, at: performance.now() }), (e) => ({ ok: false, code: e.code, at: performance.now() }));
        const first = settle(engine.compute({ indicator: info.id, candles: prepared, grid, signal: ac.signal }));
        const second = settle(engine.compute({ indicator: info.id, candles: prepared, grid, signal: ac.signal }));
        await new Promise((res) => setTimeout(res, 25 + 10 * r));
        const aborted = performance.now();
        ac.abort();
        const [a, b] = await Promise.all([first, second]);
        for (const [x, list] of [[a, samples], [b, queued]]) {
          if (x.ok) continue; // finished before the abort: nothing to measure
          if (x.code !== 'COMPUTE_CANCELLED') throw new Error(`${info.id}: expected COMPUTE_CANCELLED, got ${x.code}`);
          list.push(x.at - aborted);
          mine.push(x.at - aborted);
        }
      }
    }
    if (mine.length) perKernel.push({ id: info.id, p99: percentile(mine, 99), max: Math.max(...mine), n: mine.length });
  }
  await engine.close();
  const all = [...samples, ...queued];
  perKernel.sort((a, b) => b.max - a.max);
  report.suites.abort = { threads, samples: all.length, p50: percentile(all, 50), p99: percentile(all, 99), max: Math.max(...all), queuedP99: percentile(queued, 99), slowest: perKernel.slice(0, 5) };
  const s = report.suites.abort;
  log(`\nabort latency (abort() to rejection), every kernel, default grid and largest default windows, a second call queued behind, ${s.samples} aborts, native, ${threads} threads:`);
  log(`  p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms; queued calls p99 ${s.queuedP99.toFixed(1)} ms`);
  log(table(['slowest kernels', 'aborts', 'p99 ms', 'max ms'], s.slowest.map((k) => [k.id, k.n, k.p99.toFixed(1), k.max.toFixed(1)])));
}

/** Event-loop delay (p99, max) while `fn` runs. */
async function lagOf(fn) {
  const h = monitorEventLoopDelay({ resolution: 2 });
  h.enable();
  const t0 = performance.now();
  let error = null;
  try {
    await fn();
  } catch (e) {
    error = `${e.code}: ${e.message}`.slice(0, 160);
  }
  const ms = performance.now() - t0;
  h.disable();
  return { ms, p99: h.percentile(99) / 1e6, max: h.max / 1e6, error };
}

/** Event-loop lag during each case that used to block the calling thread. */
export async function lagSuite({ engineWith, candles, grid, quick, log, report, table }) {
  const e = await engineWith('native', Math.min(2, os.availableParallelism()));
  const bigT = quick ? 2_000_000 : 20_000_000;
  const big = workload(bigT, 7);
  const withNull = (() => {
    const t = quick ? 1_000_000 : 5_000_000;
    const c = workload(t, 9);
    const close = Array.from(c.close.subarray(0, 8), (x) => x);
    close[3] = null;
    const table = tableFromArrays({ ts_open: c.ts_open, open: c.open, high: c.high, low: c.low, volume: c.volume, close: c.close });
    // One null in the close column: a second column with a validity bitmap.
    const nullable = tableFromArrays({ close: [...close, ...c.close.subarray(8)] });
    return table.assign(nullable);
  })();
  const budget = await engineWith('native', Math.min(2, os.availableParallelism()), { maxComputeBytesTotal: 2.5 * 2 ** 30 });
  const wide = await engineWith('native', Math.min(2, os.availableParallelism()), { maxVariants: 1e8 });
  const cases = [
    ['ma.ema grid, 1176 variants', () => e.compute({ indicator: 'ma.ema', candles, grid })],
    [`ma.sma on ohlc4, ${bigT.toLocaleString('en-US')} candles (validation, conversion)`, () => e.compute({ indicator: 'ma.sma', candles: big, grid: { source: ['ohlc4'], window: [5, 20] } })],
    [`Arrow table with one null, ${withNull.numRows.toLocaleString('en-US')} rows`, () => e.compute({ indicator: 'ma.sma', candles: withNull, grid: { window: [5] } })],
    ['largest grid under a 2.5 GiB budget', () => budget.compute({ indicator: 'ma.sma', candles: workload(2_000, 3), grid: { source: ['close', 'open', 'high', 'low', 'hl2', 'hlc3'], window: { start: 2, stop: 500 } } })],
    ['1,000,000 variants (parameter columns)', () => wide.compute({ indicator: 'volatility.bbands', candles: workload(200, 5), grid: { window: { start: 2, stop: 101 }, mult: { start: 0.1, stop: 10, step: 0.001 } }, outputs: ['upper'] })],
    ['estimate() at maxVariants 1e8', async () => wide.estimate({ indicator: 'volatility.bbands', t: 100, grid: { window: [20], mult: { start: 0.1, stop: 10, step: 1e-7 } } })],
  ];
  const rows = [];
  for (const [name, fn] of cases) rows.push({ case: name, ...(await lagOf(fn)) });
  for (const x of [e, budget, wide]) await x.close();
  report.suites.lag = { rows };
  log('\nevent-loop lag during heavy calls (native, 2 threads):');
  log(table(['case', 'call ms', 'lag p99 ms', 'lag max ms', 'outcome'], rows.map((r) => [r.case, r.ms.toFixed(0), r.p99.toFixed(1), r.max.toFixed(1), r.error ?? 'ok'])));
}

/**
 * Peak RSS growth of real calls against estimate().bytesTotalEst, each case
 * in a fresh process (Linux: VmHWM after resetting it with clear_refs).
 */
export async function rssSuite({ quick, log, report, table }) {
  const run = promisify(execFile);
  const T = quick ? 131_400 : 525_600;
  const cases = [
    { indicator: 'ma.sma', t: T, grid: { source: ['close', 'open', 'high', 'low', 'hl2', 'hlc3'], window: { start: 5, stop: 200 } } },
    { indicator: 'ma.ema', t: T, grid: { source: ['close', 'open', 'high', 'low', 'hl2', 'hlc3'], window: { start: 5, stop: 200 } } },
    { indicator: 'trend.aroon', t: T },
    { indicator: 'volatility.bbands', t: T, dtype: 'float64' },
    { indicator: 'ma.sma', t: quick ? 2_000_000 : 20_000_000, grid: { source: ['ohlc4'], window: [5, 20, 50] } },
  ];
  const script = new URL('./rss-case.mjs', import.meta.url).pathname;
  const rows = [];
  for (const c of cases) {
    const { stdout } = await run(process.execPath, [script, JSON.stringify(c)], { maxBuffer: 1 << 20 });
    rows.push({ case: `${c.indicator} ${c.t.toLocaleString('en-US')} candles${c.grid?.source ? ` ${c.grid.source.join(',')}` : ''}`, ...JSON.parse(stdout) });
  }
  report.suites.rss = { rows };
  const mib = (x) => (x / 2 ** 20).toFixed(0);
  log('\npeak RSS growth of a call vs estimate().bytesTotalEst (fresh process per case, native, 2 threads):');
  log(table(['case', 'variants', 'estimate MiB', 'RSS growth MiB', 'growth / estimate'], rows.map((r) => [r.case, r.variants, mib(r.estimate), mib(r.growth), (r.growth / r.estimate).toFixed(2)])));
}

/** A single-variant call on prepared candles against the same kernel call alone. */
export async function preparedSuite({ engineWith, candles, runs, log, report, table }) {
  const e = await engineWith('native', 1);
  const prepared = await e.prepare(candles);
  const kernels = new NativeBackend();
  const T = candles.close.length;
  const rows = [];
  for (const indicator of ['volatility.tr', 'momentum.bop', 'volume.obv', 'volume.ad']) {
    const info = listIndicators().find((i) => i.id === indicator);
    const out = new SharedArrayBuffer(e.estimate({ indicator, t: T }).bytesOut);
    const timed = async (fn) => {
      const xs = [];
      for (let i = 0; i <= runs * 4; i++) {
        const t0 = performance.now();
        await fn();
        if (i > 0) xs.push(performance.now() - t0);
      }
      return median(xs);
    };
    const job = {
      kernel: indicator, t: T, v0: 0, v1: 1, float64: false, timeStride: 1, variantStride: 1, params: [],
      inputs: info.inputs.map((i) => prepared.column(i === 'source' ? 'close' : i)), outputs: info.outputs.map(() => new Float32Array(out, 0, T)),
    };
    rows.push({
      indicator,
      kernelMs: await timed(async () => kernels.run(job)),
      rawMs: await timed(() => e.compute({ indicator, candles, out })),
      preparedMs: await timed(() => e.compute({ indicator, candles: prepared, out })),
    });
  }
  await e.close();
  report.suites.prepared = { rows };
  log(`\nsingle-variant calls, ${candles.close.length.toLocaleString('en-US')} candles, out reused, median ms:`);
  log(table(['indicator', 'kernel alone', 'raw columns', 'prepared', 'prepared - kernel'], rows.map((r) => [r.indicator, r.kernelMs.toFixed(2), r.rawMs.toFixed(2), r.preparedMs.toFixed(2), (r.preparedMs - r.kernelMs).toFixed(2)])));
}
