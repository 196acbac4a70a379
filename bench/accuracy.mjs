#!/usr/bin/env node
// float64 accuracy of the windowed kernels far along a long series: candles
// near 1000 for the first half, then near 1 (a 1000x level shift), every
// windowed-sum and rolling-moment kernel on both backends, each output
// compared at sampled bars (and every bar just after the shift and at the
// end) with an exact evaluation of its formula: window sums in
// double-double (TwoSum, TwoProduct), moments from exactly summed deviations.
// The error is |got - exact| / max(|exact|, scale), scale being the output's
// natural unit where the value crosses 0 (CMF: the window's sum |money flow|
// per volume; MFI: 100; %b and z-score: 1; the bands: the mean).
//
//   node bench/accuracy.mjs [--t 10000000] [--backend native,wasm] [--samples 200000] [--only REGEX]
//
// Prints the worst error per kernel and output; test/accuracy.test.ts runs
// the same checks on a shorter series.
import { mulberry32 } from './common.mjs';

// ---- exact arithmetic on doubles ------------------------------------------

const SPLIT = 134217729; // 2^27 + 1

function twoSumErr(a, b, s) {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

function twoProdErr(a, b, p) {
  let c = SPLIT * a;
  const ah = c - (c - a), al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** A renormalized double-double accumulator: hi + lo within eps^2 of the exact sum of what was added. */
class DD {
  hi = 0;
  lo = 0;
  add(x, xlo = 0) {
    const s = this.hi + x;
    const lo = this.lo + twoSumErr(this.hi, x, s) + xlo;
    this.hi = s + lo;
    this.lo = lo - (this.hi - s);
    return this;
  }
  /** Adds a * b exactly (to eps^2). */
  addProduct(a, b) {
    const p = a * b;
    return this.add(p, twoProdErr(a, b, p));
  }
  get value() { return this.hi + this.lo; }
}

function windowSum(x, t, w) {
  const s = new DD();
  for (let i = t - w + 1; i <= t; i++) s.add(x[i]);
  return s;
}

/** Exact mean, population variance and x[t] - mean of x[t-w+1 .. t]. */
function moments(x, t, w) {
  const c = windowSum(x, t, w).value / w;  // within an ulp of the mean
  const d = new DD(), q = new DD();
  for (let i = t - w + 1; i <= t; i++) {
    const dh = x[i] - c, dl = twoSumErr(x[i], -c, dh);
    d.add(dh, dl);
    q.addProduct(dh, dh);
    q.add(2 * dh * dl);
  }
  // sum (x - c)^2 - (sum (x - c))^2 / w, the second term tiny (c is the mean to an ulp).
  const variance = Math.max(0, (q.hi + (q.lo - (d.value * d.value) / w)) / w);
  const xh = x[t] - c, xl = twoSumErr(x[t], -c, xh);
  return { mean: c + d.value / w, variance, deviation: xh + (xl - d.value / w) };
}

/** TA-Lib's WMA of x[t-w+1 .. t] (weights 1..w, newest w), exactly summed. */
function exactWma(x, t, w) {
  const sum = new DD();
  for (let i = 0; i < w; i++) sum.addProduct(w - i, x[t - i]);
  return sum.value / ((w * (w + 1)) / 2);
}

const hullSpan = (n) => Math.floor(Math.sqrt(n));

const taStddev = (v) => (v < 1e-14 ? 0 : Math.sqrt(v));

// ---- inputs as the kernels make them ---------------------------------------

export function derivedSource(c, name) {
  const t = c.close.length, out = new Float64Array(t);
  for (let i = 0; i < t; i++) {
    const h = c.high[i], l = c.low[i], cl = c.close[i];
    out[i] = name === 'hl2' ? (h + l) / 2 : name === 'hlc3' ? (h + l + cl) / 3 : c[name][i];
  }
  return out;
}

function perBar(T, f) {
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) out[t] = f(t);
  return out;
}

// ---- the checks --------------------------------------------------------------

/**
 * Per kernel: the params of the variants checked (axes, and the windows on
 * the axis `window`, 'window' unless named), the per-call series its exact
 * evaluation reads (series(candles, params)), the first bar with a value
 * (first(params), else window - 1 + from), and exact(series, t, params) ->
 * { output: [value, scale] }; label names a second check of one kernel.
 */
export const CHECKS = [
  {
    id: 'ma.sma', axes: { source: ['close', 'hlc3'] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => ({ sma: [windowSum(s.x, t, p.window).value / p.window, 0] }),
  },
  {
    id: 'structure.sum', axes: { source: ['close'] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => ({ sum: [windowSum(s.x, t, p.window).value, 0] }),
  },
  {
    id: 'volume.volume_sma', axes: {},
    series: (c) => ({ x: c.volume }),
    exact: (s, t, p) => ({ volume_sma: [windowSum(s.x, t, p.window).value / p.window, 0] }),
  },
  {
    id: 'volatility.accbands', axes: {},
    // The widened bars as the kernels make them (native/volatility/accbands.h).
    series: (c) => {
      const T = c.close.length, up = new Float64Array(T), down = new Float64Array(T);
      for (let t = 0; t < T; t++) {
        const h = c.high[t], l = c.low[t], sum = h + l, width = 4 * (h - l) / sum;
        [up[t], down[t]] = sum > -1e-14 && sum < 1e-14 ? [h, l] : [h * (1 + width), l * (1 - width)];
      }
      return { up, mid: c.close, down };
    },
    exact: (s, t, p) => ({
      upper: [windowSum(s.up, t, p.window).value / p.window, 0],
      middle: [windowSum(s.mid, t, p.window).value / p.window, 0],
      lower: [windowSum(s.down, t, p.window).value / p.window, 0],
    }),
  },
  {
    id: 'ma.trima', axes: { source: ['close'] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    // SMA(SMA(x, a), b) weighs x[t-i] by the number of inner windows holding it.
    exact: (s, t, p) => {
      const n = p.window, a = n % 2 ? (n + 1) / 2 : n / 2, b = n + 1 - a;
      const sum = new DD();
      for (let i = 0; i < n; i++) sum.addProduct(Math.min(i, b - 1) - Math.max(0, i - a + 1) + 1, s.x[t - i]);
      return { trima: [sum.value / (a * b), 0] };
    },
  },
  {
    id: 'ma.wma', axes: { source: ['close', 'hlc3'] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => ({ wma: [exactWma(s.x, t, p.window), 0] }),
  },
  {
    // WMA(2 WMA(x, n/2) - WMA(x, n), floor(sqrt n)): the differences from the
    // exact WMAs round once or twice (an ulp or two of the price), the hull
    // WMA over them is exact; the kernel's own differences round the same way.
    id: 'ma.hma', axes: { source: ['close'] },
    first: (p) => p.window + hullSpan(p.window) - 2,
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => {
      const n = p.window, m = hullSpan(n), diff = new Float64Array(m);
      for (let i = 0; i < m; i++) diff[i] = 2 * exactWma(s.x, t - m + 1 + i, Math.floor(n / 2)) - exactWma(s.x, t - m + 1 + i, n);
      return { hma: [exactWma(diff, m - 1, m), 0] };
    },
  },
  {
    id: 'ma.vwma', axes: { source: ['close'] },
    series: (c, p) => ({ x: derivedSource(c, p.source), v: c.volume }),
    exact: (s, t, p) => {
      const num = new DD(), den = new DD();
      for (let i = t - p.window + 1; i <= t; i++) { num.addProduct(s.x[i], s.v[i]); den.add(s.v[i]); }
      return { vwma: [num.value / den.value, 0] };
    },
  },
  {
    id: 'volume.vwap', axes: {},
    // The kernel's per-bar term, typical price * volume, rounds once (eps of
    // a positive term); the exact part is the window's sums.
    series: (c) => ({ a: perBar(c.close.length, (t) => ((c.high[t] + c.low[t] + c.close[t]) / 3) * c.volume[t]), v: c.volume }),
    exact: (s, t, p) => ({ vwap: [windowSum(s.a, t, p.window).value / windowSum(s.v, t, p.window).value, 0] }),
  },
  {
    id: 'volume.cmf', axes: {},
    series: (c) => ({
      a: perBar(c.close.length, (t) => {
        const h = c.high[t], l = c.low[t], cl = c.close[t], range = h - l;
        return range > 0 ? (((cl - l) - (h - cl)) / range) * c.volume[t] : 0;
      }),
      v: c.volume,
    }),
    exact: (s, t, p) => {
      const vol = windowSum(s.v, t, p.window).value, abs = new DD();
      for (let i = t - p.window + 1; i <= t; i++) abs.add(Math.abs(s.a[i]));
      return { cmf: [windowSum(s.a, t, p.window).value / vol, abs.value / vol] };
    },
  },
  {
    id: 'volume.mfi', axes: {}, from: 1,
    series: (c) => {
      const tp = perBar(c.close.length, (t) => (c.high[t] + c.low[t] + c.close[t]) / 3);
      return {
        up: perBar(tp.length, (t) => (t > 0 && tp[t] > tp[t - 1] ? tp[t] * c.volume[t] : 0)),
        down: perBar(tp.length, (t) => (t > 0 && tp[t] < tp[t - 1] ? tp[t] * c.volume[t] : 0)),
      };
    },
    exact: (s, t, p) => {
      const up = windowSum(s.up, t, p.window).value, down = windowSum(s.down, t, p.window).value;
      return { mfi: [up + down < 1 ? 0 : (100 * up) / (up + down), 100] };
    },
  },
  {
    id: 'trend.vortex', axes: {}, from: 1,
    series: (c) => ({
      plus: perBar(c.close.length, (t) => (t > 0 ? Math.abs(c.high[t] - c.low[t - 1]) : NaN)),
      minus: perBar(c.close.length, (t) => (t > 0 ? Math.abs(c.low[t] - c.high[t - 1]) : NaN)),
      tr: perBar(c.close.length, (t) => (t > 0 ? Math.max(c.high[t] - c.low[t], Math.abs(c.close[t - 1] - c.high[t]), Math.abs(c.low[t] - c.close[t - 1])) : NaN)),
    }),
    exact: (s, t, p) => {
      const tr = windowSum(s.tr, t, p.window).value;
      return { vi_plus: [windowSum(s.plus, t, p.window).value / tr, 0], vi_minus: [windowSum(s.minus, t, p.window).value / tr, 0] };
    },
  },
  {
    // Running sums per variant rather than prefix sums, slid along each run.
    id: 'momentum.ultosc', axes: { window1: [7], window2: [14] }, window: 'window3',
    first: (p) => Math.max(p.window1, p.window2, p.window3),
    series: (c) => {
      const T = c.close.length;
      return {
        bp: perBar(T, (t) => (t > 0 ? c.close[t] - Math.min(c.low[t], c.close[t - 1]) : NaN)),
        tr: perBar(T, (t) => (t > 0 ? Math.max(c.high[t] - c.low[t], Math.abs(c.close[t - 1] - c.high[t]), Math.abs(c.low[t] - c.close[t - 1])) : NaN)),
      };
    },
    exact: (s, t, p) => {
      const [p0, p1, p2] = [p.window1, p.window2, p.window3].sort((a, b) => a - b);
      const part = (n) => {
        const b = windowSum(s.tr, t, n).value;
        return Math.abs(b) < 1e-14 ? 0 : windowSum(s.bp, t, n).value / b;
      };
      return { ultosc: [(100 * (4 * part(p0) + 2 * part(p1) + part(p2))) / 7, 100] };
    },
  },
  {
    // %K and %D are running means of series made on the fly.
    id: 'momentum.stoch', axes: { k_window: [14], k_smoothing: [3] }, window: 'd_window',
    first: (p) => p.k_window + p.k_smoothing + p.d_window - 3,
    series: (c, p) => ({
      fast: perBar(c.close.length, (t) => {
        if (t < p.k_window - 1) return NaN;
        let hi = -Infinity, lo = Infinity;
        for (let i = t - p.k_window + 1; i <= t; i++) { hi = Math.max(hi, c.high[i]); lo = Math.min(lo, c.low[i]); }
        const diff = (hi - lo) / 100;
        return diff !== 0 ? (c.close[t] - lo) / diff : 0;
      }),
    }),
    exact: (s, t, p) => {
      const slow = (u) => windowSum(s.fast, u, p.k_smoothing).value / p.k_smoothing;
      const d = new DD();
      for (let u = t - p.d_window + 1; u <= t; u++) d.add(slow(u));
      return { k: [slow(t), 100], d: [d.value / p.d_window, 100] };
    },
  },
  {
    id: 'volatility.variance', axes: { source: ['close'] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => ({ variance: [moments(s.x, t, p.window).variance, 0] }),
  },
  {
    id: 'volatility.stddev', axes: { source: ['close'], nbdev: [1] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => ({ stddev: [taStddev(moments(s.x, t, p.window).variance) * p.nbdev, 0] }),
  },
  {
    id: 'volatility.bbands', axes: { source: ['close'], mult: [2] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => {
      const m = moments(s.x, t, p.window), dev = taStddev(m.variance) * p.mult;
      // The bands cross 0 where dev exceeds the mean: their scale is the mean's.
      return { mid: [m.mean, 0], upper: [m.mean + dev, Math.abs(m.mean)], lower: [m.mean - dev, Math.abs(m.mean)] };
    },
  },
  {
    // The 'wma' MA type (TA_MA's WMA, ma.wma's values) as the middle band.
    id: 'volatility.bbands', label: 'volatility.bbands matype wma', axes: { source: ['close'], mult: [2], matype: ['wma'] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => {
      const mid = exactWma(s.x, t, p.window), dev = taStddev(moments(s.x, t, p.window).variance) * p.mult;
      return { mid: [mid, 0], upper: [mid + dev, Math.abs(mid)], lower: [mid - dev, Math.abs(mid)] };
    },
  },
  {
    // APO with the 'wma' MA type: WMA(x, 2) - WMA(x, slow); it crosses 0, its scale the slow WMA's.
    id: 'momentum.apo', label: 'momentum.apo matype wma', window: 'slow', axes: { source: ['close'], fast: [2], matype: ['wma'] },
    first: (p) => Math.max(p.fast, p.slow) - 1,
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => {
      const slow = exactWma(s.x, t, Math.max(p.fast, p.slow));
      return { apo: [exactWma(s.x, t, Math.min(p.fast, p.slow)) - slow, Math.abs(slow)] };
    },
  },
  {
    id: 'volatility.bbands_bandwidth', axes: { source: ['close'], mult: [2] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => {
      const m = moments(s.x, t, p.window);
      return { bandwidth: [(2 * taStddev(m.variance) * p.mult) / m.mean, 0] };
    },
  },
  {
    id: 'volatility.bbands_percent_b', axes: { source: ['close'], mult: [2] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => {
      const m = moments(s.x, t, p.window), dev = taStddev(m.variance) * p.mult;
      return { percent_b: [dev === 0 ? NaN : (m.deviation + dev) / (2 * dev), 1] };
    },
  },
  {
    id: 'structure.zscore', axes: { source: ['close'] },
    series: (c, p) => ({ x: derivedSource(c, p.source) }),
    exact: (s, t, p) => {
      const m = moments(s.x, t, p.window);
      return { zscore: [m.variance === 0 ? NaN : m.deviation / Math.sqrt(m.variance), 1] };
    },
  },
  {
    id: 'volatility.hv', axes: { source: ['close'], annualization: [252] }, from: 1,
    // The kernel's log returns (log1p of the relative change) are its input series.
    series: (c, p) => {
      const x = derivedSource(c, p.source);
      return { r: perBar(x.length, (t) => (t > 0 && x[t] > 0 && x[t - 1] > 0 ? Math.log1p((x[t] - x[t - 1]) / x[t - 1]) : NaN)) };
    },
    exact: (s, t, p) => ({ hv: [Math.sqrt(moments(s.r, t, p.window).variance) * (100 * Math.sqrt(p.annualization)), 0] }),
  },
];

/** Random-walk candles near 1000 for the first half, then near 1: the level falls 1000x at bar T/2. */
export function levelShiftCandles(T, seed = 13) {
  const r = mulberry32(seed);
  const c = {
    ts_open: new Float64Array(T), open: new Float64Array(T), high: new Float64Array(T),
    low: new Float64Array(T), close: new Float64Array(T), volume: new Float64Array(T),
  };
  let price = 1000;
  for (let t = 0; t < T; t++) {
    if (t === T >> 1) price /= 1000;
    c.ts_open[t] = 1_700_000_000_000 + t * 60_000;
    const open = price, close = open * (1 + (r() - 0.5) * 2e-3);
    c.open[t] = open;
    c.close[t] = close;
    c.high[t] = Math.max(open, close) * (1 + r() * 1e-3);
    c.low[t] = Math.min(open, close) * (1 - r() * 1e-3);
    c.volume[t] = 1000 * (0.2 + r());
    price = close;
  }
  return c;
}

/** Bars to check: `samples` random ones, plus every bar of the 3 windows after the shift and the last 1,000. */
export function sampleBars(T, maxWindow, samples, seed = 7) {
  const r = mulberry32(seed), bars = new Set();
  for (let i = 0; i < samples; i++) bars.add(Math.floor(r() * T));
  for (let t = T >> 1; t < Math.min(T, (T >> 1) + 3 * maxWindow); t++) bars.add(t);
  for (let t = Math.max(0, T - 1000); t < T; t++) bars.add(t);
  return [...bars].sort((a, b) => a - b);
}

/**
 * Worst error of every output of one check on one engine: { output: { err, at } }.
 * `windows` are the window lengths checked (one variant each per combination of the check's other axes).
 */
export async function worstErrors(engine, check, candles, windows, bars) {
  const T = candles.close.length;
  const grid = { ...check.axes, [check.window ?? 'window']: windows };
  const res = await engine.compute({ indicator: check.id, candles, grid, dtype: 'float64', layout: 'variant-major' });
  const worst = {};
  for (let v = 0; v < res.variants; v++) {
    const p = res.variant(v);
    const series = check.series(candles, p);
    const outputs = Object.fromEntries(res.outputs.map((o) => [o, res.series(o, v)]));
    const first = check.first ? check.first(p) : p.window - 1 + (check.from ?? 0);
    for (const t of bars) {
      if (t < first || t >= T) continue;
      // A window holding the shift is exact too, but its relative scale is the old level's.
      const exact = check.exact(series, t, p);
      for (const [o, [want, scale]] of Object.entries(exact)) {
        const got = outputs[o][t];
        let err;
        if (Number.isNaN(want) || Number.isNaN(got)) err = Number.isNaN(want) === Number.isNaN(got) ? 0 : Infinity;
        else err = Math.abs(got - want) / Math.max(Math.abs(want), scale, Number.MIN_VALUE);
        const w = (worst[o] ??= { err: 0, at: null });
        if (err > w.err) Object.assign(w, { err, at: { t, ...p, got, want } });
      }
    }
  }
  return worst;
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
  const T = Number(opt('t', 10_000_000));
  const samples = Number(opt('samples', 200_000));
  const backends = opt('backend', 'native,wasm').split(',');
  const only = args.includes('--only') ? new RegExp(opt('only')) : null;
  const windows = opt('windows', '2,5,20,200').split(',').map(Number);
  const { createEngine } = await import('../dist/index.js');
  const { silentLogger } = await import('../dist/runtime/logger.js');
  const candles = levelShiftCandles(T);
  const bars = sampleBars(T, Math.max(...windows), samples);
  console.log(`accuracy: T = ${T.toLocaleString('en-US')} candles, level 1000 then 1 from bar ${T >> 1}, windows ${windows.join(', ')}, ${bars.length.toLocaleString('en-US')} bars checked per variant`);
  console.log('worst |got - exact| / max(|exact|, scale) per kernel output; bound 1e-12\n');
  const rows = [];
  for (const backend of backends) {
    const engine = await createEngine({ backend, numThreads: 1, logger: silentLogger, env: {}, nativeBuild: 'off', maxComputeBytesTotal: 2 ** 40 });
    await engine.warmup();
    for (const check of CHECKS) {
      if (only && !only.test(check.label ?? check.id)) continue;
      const t0 = performance.now();
      const worst = await worstErrors(engine, check, candles, windows, bars);
      for (const [o, w] of Object.entries(worst)) {
        rows.push({ backend, id: check.label ?? check.id, o, ...w });
        const where = w.at ? `bar ${w.at.t} ${JSON.stringify(w.at)}` : '';
        console.log(`${backend.padEnd(7)} ${`${check.label ?? check.id} ${o}`.padEnd(38)} ${w.err.toExponential(2).padStart(9)} ${w.err <= 1e-12 ? 'ok  ' : 'OVER'} ${where} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      }
    }
    await engine.close();
  }
  const over = rows.filter((r) => !(r.err <= 1e-12));
  console.log(over.length ? `\n${over.length} output(s) over the bound` : '\nevery output within 1e-12');
  process.exitCode = over.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
