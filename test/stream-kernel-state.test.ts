// Kernel state (KernelJob.state, native/abi.h): ma.sma, structure.sum, the
// moments family (variance, stddev, zscore, bbands and its bandwidth and %b, hv),
// volume.cmf, volume.mfi, volume.vwap, ma.vwma, ma.ema, ma.rma, the chains
// ma.dema, ma.tema, ma.t3 and momentum.trix, trend.adx, trend.keltner,
// volume.obv, volume.ad, volume.adosc, momentum.rsi, momentum.cmo,
// momentum.macd and the other EMA spreads, volatility.atr, volatility.natr,
// momentum.plus_dm and momentum.minus_dm, trend.psar, trend.sarext,
// trend.supertrend, trend.adxr, ma.zlema, trend.vortex, volatility.accbands, trend.linreg,
// structure.tsf, structure.beta, ma.trima, structure.candle_stats_atr_norm,
// structure.distance_to_ma_norm and the Hilbert-transform family
// (cycle.ht_*, ma.ht_trendline, ma.mama) take the state a series stands in
// and give back the state after their last bar, so a stream's pushMany()
// and history run the batch kernels (ma.kama, structure.minindex, maxindex,
// minmaxindex, volume.vwap_deviation and the lead-route oscillators too,
// after a lead of the bars before the batch: only the streams below check
// those). These
// check, on both backends and in both dtypes, that a series cut into calls
// chained through the state gives the bits of one call over all of it, and
// that streams going through the kernels keep the contract of push():
// history, pushes, revisions, gaps in and at the start of a batch, variants
// still seeding, and a batch refused part-way leaving the stream unchanged.
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, WasmBackend, type Backend, type KernelJob } from '../dist/backends/index.js';
import type { IndicatorStream, StreamCandle } from '../dist/index.js';
import { createEngine } from '../dist/index.js';
import { closeEngines, engineFor, rng, testEngineOptions, type BackendName } from './helpers.js';

afterAll(closeEngines);

const T = 300;
/** A random walk with NaN at a few bars, the last cut below at one of them. */
function series(seed: number): Float64Array {
  const r = rng(seed);
  const x = new Float64Array(T);
  let p = 100;
  for (let i = 0; i < T; i++) x[i] = p *= 1 + (r() - 0.5) * 0.02;
  for (const i of [40, 41, 150, 222]) x[i] = NaN;
  return x;
}

const WINDOWS = [1, 2, 3, 7, 20, 21, 22, 60];
const SEED_FIRST = 1;

interface Case {
  kernel: 'ma.sma' | 'structure.sum' | 'ma.vwma' | 'volume.cmf' | 'volume.mfi' | 'volume.vwap' | (typeof MOMENTS_IDS)[number] | 'ma.ema' | 'ma.rma' | 'ma.dema' | 'ma.tema' | 'ma.t3' | 'momentum.trix' | 'trend.adx' | 'trend.keltner' | 'volume.obv' | 'volume.ad' | 'volume.adosc' | 'momentum.rsi' | 'momentum.cmo' | 'momentum.macd' | 'volatility.atr' | 'volatility.natr' | 'momentum.plus_dm' | 'momentum.minus_dm' | 'trend.psar' | 'trend.sarext' | 'trend.supertrend' | 'trend.adxr' | 'ma.zlema' | 'trend.vortex' | 'volatility.accbands' | 'trend.linreg' | 'structure.tsf' | 'ma.trima' | 'structure.candle_stats_atr_norm' | 'structure.distance_to_ma_norm' | 'structure.beta';
  /** Inputs: the series, or the first `hlc` of high, low, close and volume made from it ('cv': close and volume; 'ohlc': an open made from it, high, low, close). */
  hlc?: 2 | 3 | 4 | 'cv' | 'ohlc';
  params: Float64Array[];
  /** A fresh state (the state before bar 0), and how many numbers per variant (0: the call's own). */
  fresh: () => Float64Array;
  perVariant: number;
  /** Beside a per-variant state, a fresh state of the source run (KernelState.run). */
  runState?: () => Float64Array;
  /** Outputs of the kernel (the first is checked, the others not selected). */
  outputs?: number;
}

function cases(): Case[] {
  const V = 2 * WINDOWS.length;
  const window = Float64Array.from({ length: V }, (_, v) => WINDOWS[v % WINDOWS.length]!);
  const seed = Float64Array.from({ length: V }, (_, v) => (v < WINDOWS.length ? 0 : SEED_FIRST));
  // SMA: [run, then P prefix pairs]; P above the longest window, as a stream's ring makes it.
  const P = Math.max(...WINDOWS) + 3;
  return [
    { kernel: 'ma.sma', params: [window], fresh: () => new Float64Array(1 + 2 * P), perVariant: 0 },
    { kernel: 'structure.sum', params: [window], fresh: () => new Float64Array(1 + 2 * P), perVariant: 0 },
    // CMF, VWAP, MFI (windowRatio): [run, P entries of both prefixes, MFI's (bar -1 usable, its typical price)]; MFI's zero_denominator 'nan' on half.
    ...(['volume.cmf', 'volume.vwap'] as const).map((kernel) => ({ kernel, hlc: 4 as const, params: [window], fresh: () => new Float64Array(1 + 4 * P), perVariant: 0 })),
    { kernel: 'ma.vwma', hlc: 'cv', params: [window], fresh: () => new Float64Array(1 + 4 * P), perVariant: 0 },
    { kernel: 'volume.mfi', hlc: 4, params: [window, Float64Array.from({ length: V }, (_, v) => v % 2)], fresh: () => new Float64Array(1 + 4 * P + 2), perVariant: 0 },
    { kernel: 'ma.ema', params: [window, seed], fresh: () => new Float64Array(2 * V), perVariant: 2 },
    { kernel: 'ma.rma', params: [window, seed], fresh: () => new Float64Array(2 * V), perVariant: 2 },
    // DEMA, TEMA, T3: (value, count) of each stage, then the run's age, -1 before any bar; T3 with two volume factors.
    ...([['ma.dema', 2], ['ma.tema', 3], ['ma.t3', 6]] as const).map(([kernel, depth]) => ({
      kernel, params: kernel === 'ma.t3' ? [window, Float64Array.from({ length: V }, (_, v) => (v % 2 ? 0.7 : 0.35)), seed] : [window, seed],
      fresh: () => Float64Array.from({ length: (2 * depth + 1) * V }, (_, i) => (i % (2 * depth + 1) === 2 * depth ? -1 : 0)), perVariant: 2 * depth + 1,
    })),
    // TRIX: TEMA's layout; zero_denominator 'nan' on half.
    {
      kernel: 'momentum.trix', params: [window, seed, Float64Array.from({ length: V }, (_, v) => v % 2)],
      fresh: () => Float64Array.from({ length: 7 * V }, (_, i) => (i % 7 === 6 ? -1 : 0)), perVariant: 7,
    },
    // ADX (all four outputs checked through the first: ADX): the sums of TR, +DM and -DM, DX, ADX, the run's age
    // (-1 before any bar) and its last high, low and close; ADX windows of its own on half, zero_denominator 'nan' on a third.
    {
      kernel: 'trend.adx', hlc: 3, outputs: 4,
      params: [window, Float64Array.from({ length: V }, (_, v) => (v % 2 ? 0 : 1 + (v % 5))), seed, Float64Array.from({ length: V }, (_, v) => (v % 3 === 0 ? 1 : 0))],
      fresh: () => Float64Array.from({ length: 9 * V }, (_, i) => (i % 9 === 5 ? -1 : 0)), perVariant: 9,
    },
    // Keltner: the middle EMA's (value, count), the ATR, the run's age (-1 before any bar) and its last high, low and close.
    {
      kernel: 'trend.keltner', hlc: 3, outputs: 3, params: [window, Float64Array.from({ length: V }, (_, v) => 1 + (v % 3)), seed],
      fresh: () => Float64Array.from({ length: 7 * V }, (_, i) => (i % 7 === 3 ? -1 : 0)), perVariant: 7,
    },
    // OBV: (level, last close), AD: the sum; NaN before any bar and after a NaN bar (no params: every variant the same).
    { kernel: 'volume.obv', hlc: 'cv', params: [], fresh: () => new Float64Array(2).fill(NaN), perVariant: 2 },
    { kernel: 'volume.ad', hlc: 4, params: [], fresh: () => new Float64Array(1).fill(NaN), perVariant: 1 },
    // ADOSC: the fast and slow EMAs, the AD sum and the run's age (-1 before any bar); fast above and below slow.
    {
      kernel: 'volume.adosc', hlc: 4, params: [window, window.map((n, v) => (v % 3 === 0 ? 3 : n + 4))],
      fresh: () => Float64Array.from({ length: 4 * V }, (_, i) => (i % 4 === 3 ? -1 : 0)), perVariant: 4,
    },
    // RSI, CMO: (gain, loss, previous value, age of the run), the age -1 before any bar; zero_denominator 'nan' on half.
    ...(['momentum.rsi', 'momentum.cmo'] as const).map((kernel) => ({
      kernel, params: [window, seed, Float64Array.from({ length: V }, (_, v) => v % 2)],
      fresh: () => Float64Array.from({ length: 4 * V }, (_, i) => (i % 4 === 3 ? -1 : 0)), perVariant: 4,
    })),
    // MACD (its line, which starts with the signal): fast above and below slow, signals of 1 to 9 bars;
    // (value, count) of the fast, slow and signal EMAs and the run's age, -1 before any bar.
    {
      kernel: 'momentum.macd',
      params: [window.map((n) => n + 1), window.map((n, v) => (v % 3 === 0 ? 3 : n + 4)), window.map((n) => 1 + (n % 9)), seed],
      fresh: () => Float64Array.from({ length: 7 * V }, (_, i) => (i % 7 === 6 ? -1 : 0)), perVariant: 7, outputs: 3,
    },
    // ATR, NATR: (average, previous close, age of the run), the age -1 before any bar.
    ...(['volatility.atr', 'volatility.natr'] as const).map((kernel) => ({
      kernel, params: [window, seed], hlc: 3 as const,
      fresh: () => Float64Array.from({ length: 3 * V }, (_, i) => (i % 3 === 2 ? -1 : 0)), perVariant: 3,
    })),
    // PLUS_DM, MINUS_DM: (sum, age of the run, last high, last low), the age -1 before any bar.
    ...(['momentum.plus_dm', 'momentum.minus_dm'] as const).map((kernel) => ({
      kernel, params: [window], hlc: 2 as const,
      fresh: () => Float64Array.from({ length: 4 * V }, (_, i) => (i % 4 === 1 ? -1 : 0)), perVariant: 4,
    })),
    // PSAR (both outputs checked through the first), SAREXT: the SarLane (sar, ep, accelerations, long), the run's age
    // (-1 before any bar) and its last high and low; accelerations that reach their maximum, SAREXT's first trend
    // from its moves, long or short, and an offset on reversal on half.
    {
      kernel: 'trend.psar', hlc: 2, outputs: 2,
      params: [window.map((n) => 0.01 * (1 + (n % 3))), window.map((n) => 0.01 * (1 + (n % 2))), window.map((n) => 0.05 + 0.01 * (n % 4))],
      fresh: () => Float64Array.from({ length: 8 * V }, (_, i) => (i % 8 === 5 ? -1 : 0)), perVariant: 8,
    },
    {
      kernel: 'trend.sarext', hlc: 2,
      params: [window.map((n, v) => (v % 3 === 0 ? 0 : v % 3 === 1 ? 90 : -110)), window.map((n, v) => (v % 2 ? 0.01 : 0)),
        ...[0.02, 0.02, 0.2, 0.03, 0.01, 0.1].map((a, k) => window.map((n) => a * (1 + ((n + k) % 3) * 0.5)))],
      fresh: () => Float64Array.from({ length: 8 * V }, (_, i) => (i % 8 === 5 ? -1 : 0)), perVariant: 8,
    },
    // Supertrend (both outputs checked through the first): the ATR (its sum while seeding), the bands, the trend,
    // the run's age (-1 before any bar) and its last high, low and close.
    {
      kernel: 'trend.supertrend', hlc: 3, outputs: 2, params: [window, Float64Array.from({ length: V }, (_, v) => 1 + (v % 3)), seed],
      fresh: () => Float64Array.from({ length: 8 * V }, (_, i) => (i % 8 === 4 ? -1 : 0)), perVariant: 8,
    },
    // Vortex (both outputs checked through the first): the run's age (-1 before any bar) and its last high, low and
    // close, then P entries of the three prefix sums (VM+, VM-, TR), oldest first.
    { kernel: 'trend.vortex', hlc: 3, outputs: 2, params: [window], fresh: () => Float64Array.from({ length: 4 + 6 * P }, (_, i) => (i === 0 ? -1 : 0)), perVariant: 0 },
    // ACCBANDS: vortex's layout (the prefixes of the widened high, the close and the widened low); the three bands checked through the first.
    { kernel: 'volatility.accbands', hlc: 3, outputs: 3, params: [window], fresh: () => Float64Array.from({ length: 4 + 6 * P }, (_, i) => (i === 0 ? -1 : 0)), perVariant: 0 },
    // ZLEMA: its EMA's (value, count), the run's age (-1 before any bar), then its last lag = (window - 1) / 2 values,
    // at a stride of 3 + the longest lag.
    (() => {
      const S = 3 + Math.trunc((Math.max(...WINDOWS) - 1) / 2);
      return {
        kernel: 'ma.zlema' as const, params: [window, seed],
        fresh: () => Float64Array.from({ length: S * V }, (_, i) => (i % S === 2 ? -1 : 0)), perVariant: S,
      };
    })(),
    // ADXR (windows from 2, its smallest): ADX's nine, then its ring of the last window ADX, at a stride of nine and
    // the longest window.
    (() => {
      const S = 9 + Math.max(...WINDOWS);
      return {
        kernel: 'trend.adxr' as const, hlc: 3 as const, params: [window.map((n) => Math.max(n, 2)), seed],
        fresh: () => Float64Array.from({ length: S * V }, (_, i) => (i % S === 5 ? -1 : 0)), perVariant: S,
      };
    })(),
    // LINEARREG (its value; the other lines not selected), TSF: per variant sum y and sum age * y; the run's part
    // [the run's age, the last P values, NaN before the run].
    ...(['trend.linreg', 'structure.tsf'] as const).map((kernel) => ({
      kernel, params: [window], outputs: kernel === 'trend.linreg' ? 4 : 1, perVariant: 2,
      fresh: () => new Float64Array(2 * V), runState: () => Float64Array.from({ length: 1 + P }, (_, i) => (i === 0 ? 0 : NaN)),
    })),
    // TRIMA: per variant the outer sum and its error; the run's part ma.sma's prefix state (the run, P prefix pairs).
    { kernel: 'ma.trima', params: [window], perVariant: 2, fresh: () => new Float64Array(2 * V), runState: () => new Float64Array(1 + 2 * P) },
    // CANDLE_STATS_ATR_NORM (its body; the other lengths not selected): the ATR, the run's age (-1 before any bar) and its last open, high, low, close.
    {
      kernel: 'structure.candle_stats_atr_norm', hlc: 'ohlc', params: [window, seed], outputs: 4,
      fresh: () => Float64Array.from({ length: 6 * V }, (_, i) => (i % 6 === 1 ? -1 : 0)), perVariant: 6,
    },
    // DISTANCE_TO_MA_NORM (over the open as its source): the EMA's (value, count), the ATR, the run's age (-1 before any bar) and its last source, high, low, close.
    {
      kernel: 'structure.distance_to_ma_norm', hlc: 'ohlc', params: [window, seed],
      fresh: () => Float64Array.from({ length: 8 * V }, (_, i) => (i % 8 === 3 ? -1 : 0)), perVariant: 8,
    },
    // BETA (of the low's returns on the high's): [S, the run's age, the four sums, the last P bars' two prices], S = 6 + 2P.
    {
      kernel: 'structure.beta', hlc: 2, params: [window], perVariant: 6 + 2 * P,
      fresh: () => Float64Array.from({ length: (6 + 2 * P) * V }, (_, i) => (i % (6 + 2 * P) === 0 ? 6 + 2 * P : i % (6 + 2 * P) < 6 ? 0 : NaN)),
    },
  ];
}

/** One call over bars [from, to) of x for variants [v0, v1), rows written at out[(t - from) * V]. */
function call(b: Backend, c: Case, x: Float64Array, from: number, to: number, v0: number, v1: number, float64: boolean, state: KernelJob['state']): Float32Array | Float64Array {
  const V = c.params[0]?.length ?? 1;
  const out = new (float64 ? Float64Array : Float32Array)((to - from) * V).fill(-1);
  // High and low around the close (NaN where it is).
  const volume = x.map((v, i) => v - v + 100 + ((i * 37) % 50));  // NaN where the series is
  const hlcv = [x.map((v, i) => v * (1 + 0.001 * (1 + (i % 3)))), x.map((v, i) => v * (1 - 0.001 * (1 + (i % 5)))), x, volume];
  const open = x.map((v, i) => v * (1 + 0.0007 * ((i % 5) - 2)));
  const inputs = (c.hlc === 'cv' ? [x, volume] : c.hlc === 'ohlc' ? [open, ...hlcv.slice(0, 3)] : c.hlc ? hlcv.slice(0, c.hlc) : [x]).map((col) => col.slice(from, to));
  b.run({ kernel: c.kernel, inputs, t: to - from, params: c.params, v0, v1, outputs: [out, ...Array<null>((c.outputs ?? 1) - 1).fill(null)], float64, timeStride: V, variantStride: 1, state });
  return out;
}

const backends: [string, () => Backend][] = [
  ['native', () => createBackend({ name: 'native', file: null })],
  ['wasm', () => createBackend({ name: 'wasm', file: null })],
  // Tiles of a few bars: the state crosses tile moves as well.
  ['wasm, small tiles', () => new WasmBackend(undefined, 3 * 16 * 8)],
];

/** The moments family (momentsInput in native/primitives.h): [hv: the last price, run, P values oldest first, NaN before the first bar]. */
const MOMENTS_IDS = ['volatility.variance', 'volatility.stddev', 'structure.zscore', 'volatility.bbands', 'volatility.bbands_bandwidth', 'volatility.bbands_percent_b', 'volatility.hv'] as const;

function momentsCase(kernel: (typeof MOMENTS_IDS)[number], window: Float64Array, P: number): Case {
  const V = window.length;
  const mult = Float64Array.from({ length: V }, (_, v) => 1 + (v % 3) * 0.5);
  const params = kernel === 'volatility.variance' || kernel === 'structure.zscore' ? [window]
    : kernel === 'volatility.stddev' ? [window, mult]
    : kernel === 'volatility.hv' ? [window, new Float64Array(V).fill(252)]
    : [window, mult, new Float64Array(V)];  // matype 'sma'
  const head = kernel === 'volatility.hv' ? 2 : 1;
  return {
    kernel: kernel as Case['kernel'], params, perVariant: 0, outputs: kernel === 'volatility.bbands' ? 3 : 1,
    fresh: () => Float64Array.from({ length: head + P }, (_, i) => (i === head - 1 ? 0 : NaN)),
  };
}

describe('a series cut into calls chained through the kernel state = one call over all of it', () => {
  for (const [name, make] of backends) {
    it(name, () => {
      const b = make();
      for (const c of cases()) {
        const V = c.params[0]?.length ?? 1;
        for (const float64 of [true, false]) {
          const x = series(c.kernel.length);
          const whole = call(b, c, x, 0, T, 0, V, float64, undefined);
          const fresh = c.fresh();
          const end = c.fresh();
          const runEnd = c.runState?.();
          call(b, c, x, 0, T, 0, V, float64, { input: fresh, output: end, perVariant: c.perVariant, ...(runEnd ? { run: { input: c.runState!(), output: runEnd } } : {}) });
          // Cuts: after one bar, mid-seed, at and after a NaN bar, near the end.
          for (const cuts of [[1], [5, 6], [40, 41, 42], [150], [100, 222, 299]]) {
            let state = c.fresh();
            let runState = c.runState?.();
            const got = new Float64Array(T * V);
            let from = 0;
            for (const to of [...cuts, T]) {
              const next = c.fresh();
              if (runState) {
                // The run's state beside the per-variant parts: two chunks of the run, each giving back its variants'
                // parts, the first (shorter windows) the run's state.
                const mid = 3, nextRun = c.runState!();
                const a = call(b, c, x, from, to, 0, mid, float64, { input: state, output: next, perVariant: c.perVariant, run: { input: runState, output: nextRun } });
                const rest = call(b, c, x, from, to, mid, V, float64, { input: state, output: next, perVariant: c.perVariant, run: { input: runState, output: null } });
                for (let i = 0; i < (to - from) * V; i++) got[from * V + i] = i % V < mid ? a[i]! : rest[i]!;
                runState = nextRun;
              } else if (c.perVariant === 0) {
                // Per-run state: two chunks of the run, the first (shorter windows) giving the state back.
                const mid = 3;
                const a = call(b, c, x, from, to, 0, mid, float64, { input: state, output: next, perVariant: 0 });
                const rest = call(b, c, x, from, to, mid, V, float64, { input: state, output: null, perVariant: 0 });
                for (let i = 0; i < (to - from) * V; i++) got[from * V + i] = i % V < mid ? a[i]! : rest[i]!;
              } else {
                const out = call(b, c, x, from, to, 0, V, float64, { input: state, output: next, perVariant: c.perVariant });
                got.set(out, from * V);
              }
              state = next;
              from = to;
            }
            for (let i = 0; i < T * V; i++) {
              if (!Object.is(got[i], whole[i])) expect.fail(`${name} ${c.kernel} float64=${float64} cuts ${cuts}: bar ${Math.floor(i / V)} variant ${i % V}: ${got[i]} chained, ${whole[i]} in one call`);
            }
            expect(Array.from(state), `${name} ${c.kernel} cuts ${cuts}: the state after the last bar`).toEqual(Array.from(end));
            if (runState) expect(Array.from(runState), `${name} ${c.kernel} cuts ${cuts}: the run's state after the last bar`).toEqual(Array.from(runEnd!));
          }
        }
      }
    });
  }

  // Runs across chunks of both grids of RollingMoments (L = 512 and 1,024, the second grid half a chunk later),
  // windows summed directly (below 16) and from the sums, a flat stretch; cuts at and next to chunk boundaries and gaps.
  for (const [name, make] of backends.slice(0, 2)) {
    it(`${name}: the moments family`, () => {
      const b = make();
      const N = 2600;
      const r = rng(5);
      const x = new Float64Array(N);
      let p = 100;
      for (let i = 0; i < N; i++) x[i] = p *= 1 + (r() - 0.5) * 0.02;
      x.fill(x[700]!, 700, 760);
      for (const i of [300, 1500, 1501]) x[i] = NaN;
      const window = Float64Array.from([2, 15, 16, 40, 255, 256, 300, 2]);
      const V = window.length, mid = 4;
      for (const kernel of MOMENTS_IDS) {
        const c = momentsCase(kernel, window, 1024 + 5);
        for (const float64 of [true, false]) {
          const whole = call(b, c, x, 0, N, 0, V, float64, undefined);
          const end = c.fresh();
          call(b, c, x, 0, N, 0, V, float64, { input: c.fresh(), output: end, perVariant: 0 });
          for (const cuts of [[1], [255, 256, 257], [300, 301, 511, 512, 513], [767, 768, 1024, 1535, 2047], [1500, 1502, 2599]]) {
            let state = c.fresh();
            const got = new Float64Array(N * V);
            let from = 0;
            for (const to of [...cuts, N]) {
              const next = c.fresh();
              const a = call(b, c, x, from, to, 0, mid, float64, { input: state, output: next, perVariant: 0 });
              const rest = call(b, c, x, from, to, mid, V, float64, { input: state, output: null, perVariant: 0 });
              for (let i = 0; i < (to - from) * V; i++) got[from * V + i] = i % V < mid ? a[i]! : rest[i]!;
              state = next;
              from = to;
            }
            for (let i = 0; i < N * V; i++) {
              if (!Object.is(got[i], whole[i])) expect.fail(`${name} ${kernel} float64=${float64} cuts ${cuts}: bar ${Math.floor(i / V)} variant ${i % V}: ${got[i]} chained, ${whole[i]} in one call`);
            }
            expect(Array.from(state), `${name} ${kernel} cuts ${cuts}: the state after the last bar`).toEqual(Array.from(end));
          }
        }
        // A state shorter than the chunk of the longest window is refused.
        expect(() => call(b, c, x, 0, 10, 0, V, true, { input: c.fresh().subarray(0, 1000), output: null, perVariant: 0 })).toThrow(/status 2/);
      }
    });
  }

  it('a state shorter than the longest window is refused', () => {
    const b = createBackend({ name: 'native', file: null });
    const c = cases()[0]!;
    const short = new Float64Array(1 + 2 * (Math.max(...WINDOWS) - 1));
    expect(() => call(b, c, series(1), 0, 10, 0, WINDOWS.length, true, { input: short, output: null, perVariant: 0 })).toThrow(/status 2/);
  });
});

/**
 * The Hilbert-transform family (namespace state in native/cycle/common.h):
 * per variant [age, the transform, the position and ring of the run's last
 * 50 prices, own numbers]; a call reads the prices before it from the ring.
 */
const HILBERT = [
  { kernel: 'cycle.ht_dcperiod', own: 0, outputs: 1 },
  { kernel: 'cycle.ht_phasor', own: 0, outputs: 2 },
  { kernel: 'ma.mama', own: 3, outputs: 2 },
  { kernel: 'cycle.ht_dcphase', own: 0, outputs: 1 },
  { kernel: 'cycle.ht_sine', own: 0, outputs: 2 },
  { kernel: 'cycle.ht_trendmode', own: 3, outputs: 1 },
  { kernel: 'ma.ht_trendline', own: 0, outputs: 1 },
] as const;

describe('the Hilbert-transform family: calls chained through the kernel state = one call', () => {
  // Runs of 40, 55, 3, 6, 41, 71 and 77 bars: shorter than the seed, the warm-up, the lookbacks, and longer.
  const x = series(7);
  for (const i of [97, 101, 108, 222]) x[i] = NaN;
  const V = 2;
  // MAMA's fast and slow limits per variant; the others have no params (both variants the same).
  const paramsOf = (kernel: string) => (kernel === 'ma.mama' ? [Float64Array.of(0.5, 0.3), Float64Array.of(0.05, 0.01)] : []);

  /** One call over bars [from, to), all outputs (output k at k * (to - from) * V). */
  function hilbertCall(b: Backend, kernel: string, outputs: number, from: number, to: number, float64: boolean, state?: KernelJob['state']): Float64Array {
    const n = to - from;
    const outs = Array.from({ length: outputs }, () => new (float64 ? Float64Array : Float32Array)(n * V).fill(-1));
    b.run({ kernel, inputs: [x.slice(from, to)], t: n, params: paramsOf(kernel), v0: 0, v1: V, outputs: outs, float64, timeStride: V, variantStride: 1, state });
    const rows = new Float64Array(outputs * n * V);
    outs.forEach((o, k) => rows.set(o, k * n * V));
    return rows;
  }

  for (const [name, make] of backends) {
    it(name, () => {
      const b = make();
      for (const h of HILBERT) {
        const S = 163 + h.own;
        const fresh = () => new Float64Array(S * V);
        for (const float64 of [true, false]) {
          const whole = hilbertCall(b, h.kernel, h.outputs, 0, T, float64);
          const end = fresh();
          expect(Array.from(hilbertCall(b, h.kernel, h.outputs, 0, T, float64, { input: fresh(), output: end, perVariant: S }))).toEqual(Array.from(whole));
          // Cuts: mid-seed, in the warm-up, at gaps, in short runs, either side of the lookbacks, every few bars of a run, near the end.
          for (const cuts of [[1], [5, 6, 20], [40, 41, 42], [99, 100, 104], [160, 183, 184], [214, 215], [155, 156, 158, 161, 165, 170, 171, 172, 200], [100, 222, 299]]) {
            let state = fresh();
            const got: number[][] = Array.from({ length: h.outputs }, () => []);
            let from = 0;
            for (const to of [...cuts, T]) {
              const next = fresh();
              const rows = hilbertCall(b, h.kernel, h.outputs, from, to, float64, { input: state, output: next, perVariant: S });
              for (let k = 0; k < h.outputs; k++) got[k]!.push(...rows.subarray(k * (to - from) * V, (k + 1) * (to - from) * V));
              state = next;
              from = to;
            }
            for (let k = 0; k < h.outputs; k++) {
              for (let i = 0; i < T * V; i++) {
                const want = whole[k * T * V + i];
                if (!Object.is(got[k]![i], want)) expect.fail(`${name} ${h.kernel} float64=${float64} cuts ${cuts}: output ${k} bar ${Math.floor(i / V)} variant ${i % V}: ${got[k]![i]} chained, ${want} in one call`);
              }
            }
            expect(Array.from(state), `${name} ${h.kernel} cuts ${cuts}: the state after the last bar`).toEqual(Array.from(end));
          }
        }
        // A state of the wrong shape is refused (natively also one too short: the wasm backend copies a whole block's).
        const bad = fresh();
        bad[22] = 50;  // the ring's position
        expect(() => hilbertCall(b, h.kernel, h.outputs, 100, 200, true, { input: bad, output: null, perVariant: S })).toThrow(/status 2/);
        if (name === 'native') expect(() => hilbertCall(b, h.kernel, h.outputs, 100, 200, true, { input: fresh().subarray(0, S * V - 1), output: null, perVariant: S })).toThrow(/status 2/);
      }
    });
  }

  // Streams: history and batches through the kernel against pushes and compute(): a history whose last run is past
  // the lookback, a batch going on from a run older than the lead, batches shorter than the lead, one whose last run
  // is too young for the kernel (the stream steps it), and MAMA's variants on two sources.
  HILBERT.forEach((h, n) => {
    for (const dtype of ['float64', 'float32'] as const) {
      it(`${h.kernel} ${dtype}: pushMany and history against push() and compute()`, async () => {
        const engine = await engineFor(n % 2 === (dtype === 'float64' ? 0 : 1) ? 'native' : 'wasm');
        const c = candles(600, 13, [130, 131, 333, 470]);
        const grid = h.kernel === 'ma.mama' ? { source: ['close', 'hl2'], fast_limit: [0.5, 0.3], slow_limit: [0.05] } : { source: ['close', 'hl2'] };
        const a = await engine.stream({ indicator: h.kernel, grid, dtype, history: part(c, 0, 200) });
        const b = await engine.stream({ indicator: h.kernel, grid, dtype });
        expect(a.batchRoute).toBe('kernel');
        for (let i = 0; i < 200; i++) b.push(bar(c, i));
        expect(sameBytes(a.checkpoint(), b.checkpoint()), 'after history').toBe(true);
        for (let i = 200; i < 210; i++) {
          a.push(bar(c, i));
          b.push(bar(c, i));
        }
        for (const [from, to] of [[210, 330], [330, 360], [360, 420], [420, 500], [500, 600]] as const) {
          const got = await a.pushMany(part(c, from, to));
          for (let i = from; i < to; i++) b.push(bar(c, i));
          expect(sameBytes(a.checkpoint(), b.checkpoint()), `after bars ${from}..${to}`).toBe(true);
          const want = await engine.compute({ indicator: h.kernel, candles: part(c, 0, to), grid, dtype });
          const V = want.variants;
          for (const o of want.outputs) {
            const w = want.values(o), v = got.values(o);
            for (let i = 0; i < (to - from) * V; i++) {
              if (!Object.is(v[i], w[from * V + i])) expect.fail(`${h.kernel} ${dtype} ${o} variant ${i % V} bar ${from + Math.floor(i / V)}: pushMany ${v[i]}, compute() ${w[from * V + i]}`);
            }
          }
          want.release();
          got.release();
        }
        a.close();
        b.close();
      });
    }
  });
});

type Cols = Record<'ts_open' | 'open' | 'high' | 'low' | 'close' | 'volume', Float64Array>;

function candles(n: number, seed: number, gaps: number[]): Cols {
  const r = rng(seed);
  const c = { ts_open: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  let p = 50;
  for (let i = 0; i < n; i++) {
    c.ts_open[i] = 1_700_000_000_000 + i * 60_000;
    const close = p * (1 + (r() - 0.5) * 0.02);
    c.open[i] = p;
    c.close[i] = close;
    c.high[i] = Math.max(p, close) * 1.002;
    c.low[i] = Math.min(p, close) * 0.998;
    c.volume[i] = 10 + r();
    p = close;
  }
  for (const i of gaps) for (const f of ['open', 'high', 'low', 'close', 'volume'] as const) c[f][i] = NaN;
  return c;
}

const part = (c: Cols, from: number, to: number) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.subarray(from, to)])) as Cols;
const bar = (c: Cols, i: number): StreamCandle => ({ ts_open: c.ts_open[i]!, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]!, volume: c.volume[i]! });
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Stream a of a history of bars [0, n) of c, through the kernel; b of the same bars pushed one by one, in the same state. */
async function historyAndPushes(
  engine: Awaited<ReturnType<typeof engineFor>>, request: { indicator: string; grid: Record<string, unknown>; dtype: 'float64' | 'float32' }, c: Cols, n: number,
): Promise<{ a: IndicatorStream; b: IndicatorStream }> {
  const a = await engine.stream({ ...request, history: part(c, 0, n) });
  const b = await engine.stream(request);
  expect(a.batchRoute).toBe('kernel');
  for (let i = 0; i < n; i++) b.push(bar(c, i));
  expect(sameBytes(a.checkpoint(), b.checkpoint()), 'after history').toBe(true);
  return { a, b };
}

/** Bars [from, to) of c pushed into s by pushMany(): every row as compute() gives it over bars [0, to). */
async function batchAsCompute(
  engine: Awaited<ReturnType<typeof engineFor>>, s: IndicatorStream, request: { indicator: string; grid: Record<string, unknown>; dtype: 'float64' | 'float32' },
  c: Cols, from: number, to: number, what: string,
): Promise<void> {
  const got = await s.pushMany(part(c, from, to));
  const want = await engine.compute({ ...request, candles: part(c, 0, to) });
  const V = want.variants;
  for (const o of want.outputs) {
    const w = want.values(o), v = got.values(o);
    for (let i = 0; i < (to - from) * V; i++) {
      if (!Object.is(v[i], w[from * V + i])) expect.fail(`${what} ${o} ${JSON.stringify(want.variant(i % V))} bar ${from + Math.floor(i / V)}: pushMany ${v[i]}, compute() ${w[from * V + i]}`);
    }
  }
  want.release();
  got.release();
}

describe('streams through the kernels: pushMany and history keep the contract of push()', () => {
  const N = 400;
  // Gaps: inside the first batch, at the first bar of the second, inside the third.
  const c = candles(N, 11, [130, 131, 260, 333]);
  const grid = { source: ['close', 'hlc3'], window: [2, 9, 30, 50], seed: ['sma', 'first'] };
  const ids = ['ma.sma', 'structure.sum', ...MOMENTS_IDS, 'volume.cmf', 'volume.mfi', 'volume.vwap', 'ma.vwma', 'ma.ema', 'ma.rma', 'ma.dema', 'ma.tema', 'ma.t3', 'momentum.trix', 'trend.adx', 'trend.keltner', 'volume.obv', 'volume.ad', 'volume.adosc', 'momentum.rsi', 'momentum.cmo', 'momentum.macd', 'volatility.atr', 'volatility.natr', 'momentum.plus_dm', 'momentum.minus_dm',
    'trend.psar', 'trend.sarext', 'trend.supertrend', 'trend.adxr', 'ma.zlema', 'trend.vortex', 'volatility.accbands', 'volume.vwap_deviation', 'ma.kama', 'structure.minindex', 'structure.maxindex', 'structure.minmaxindex', ...HILBERT.map((h) => h.kernel),
    'momentum.stoch', 'momentum.stochf', 'momentum.stoch_rsi', 'trend.chandelier_exit', 'momentum.cci', 'momentum.fisher', 'momentum.ultosc',
    'trend.linreg', 'structure.tsf', 'ma.trima', 'structure.candle_stats_atr_norm', 'structure.distance_to_ma_norm', 'structure.beta'];
  const gridOf = (id: string): Record<string, unknown> => {
    if (id === 'trend.psar') return { accel_start: [0.02, 0.5], accel_step: [0.02, 0.1], accel_max: [0.2, 0.3] };
    if (id === 'trend.sarext') return { startvalue: [0, 60, -40], offsetonreverse: [0, 0.01], accelerationinitlong: [0.02, 0.4], accelerationshort: [0.05] };
    if (id === 'trend.supertrend') return { window: grid.window, mult: [1, 3], seed: grid.seed };
    if (id === 'trend.adxr') return { window: grid.window, seed: grid.seed };
    if (id === 'trend.vortex' || id === 'volatility.accbands') return { window: grid.window };
    // KAMA and the index family: a lead of the longest window - 1 (KAMA: longest) bars before the batch.
    if (id === 'ma.kama' || id.startsWith('structure.m')) return { source: grid.source, window: grid.window };
    // The stochastics: a lead of 49 bars (the longest k_window - 1), zero_denominator 'nan' on half.
    if (id === 'momentum.stoch') return { k_window: [2, 9, 30, 50], k_smoothing: [1, 3], d_window: [1, 3], zero_denominator: ['talib', 'nan'] };
    if (id === 'momentum.stochf') return { k_window: [1, 2, 9, 50], d_window: [1, 3, 5], zero_denominator: ['talib', 'nan'] };
    // STOCHRSI: a lead of 29 bars, the RSI's ring at bar lead read by two k_windows, both seeds (the RSI from bar 1 or rsi_window).
    if (id === 'momentum.stoch_rsi') return { source: grid.source, rsi_window: [2, 14], k_window: [1, 5, 30], k_smoothing: [1, 3], d_window: [3], seed: grid.seed, zero_denominator: ['talib', 'nan'] };
    if (id === 'ma.sma' || id === 'structure.sum' || id === 'ma.vwma' || id === 'trend.linreg' || id === 'structure.tsf' || id === 'ma.trima' || id === 'structure.beta') return { source: grid.source, window: grid.window };
    if ((MOMENTS_IDS as readonly string[]).includes(id)) return { source: grid.source, window: [2, 9, 16, 30, 50] };
    if (id === 'momentum.macd') return { source: grid.source, fast: [3, 12], slow: [5, 26], signal: [1, 9], seed: grid.seed };
    if (id.startsWith('volatility.')) return { window: grid.window, seed: grid.seed };
    // VWAP deviation: a lead of 50 bars (the longest window), chunks of each window going on over it.
    if (id === 'volume.vwap_deviation') return { window: [2, 9, 30, 50], mult: [1, 2.5] };
    if (id === 'volume.cmf' || id === 'volume.mfi' || id === 'volume.vwap') return { window: grid.window };
    if (id.endsWith('_dm')) return { window: [1, ...grid.window] };
    if (id === 'ma.t3') return { ...grid, vfactor: [0.7, 0.35] };
    if (id === 'trend.adx') return { window: grid.window, adx_window: [0, 4], seed: grid.seed };
    if (id === 'volume.adosc') return { fast: [2, 3], slow: [5, 10] };
    if (id.startsWith('volume.')) return {};
    if (id === 'structure.candle_stats_atr_norm') return { atr_window: grid.window, seed: grid.seed };
    if (id === 'trend.keltner') return { window: grid.window, mult: [1, 2.5], seed: grid.seed };
    if (id === 'ma.mama') return { source: grid.source, fast_limit: [0.5, 0.3], slow_limit: [0.05] };
    if (HILBERT.some((h) => h.kernel === id)) return { source: grid.source };
    if (id === 'momentum.ultosc') return { window1: [1, 7], window2: [2, 14], window3: [3, 50] };
    if (id === 'momentum.fisher') return { window: grid.window };
    if (id === 'momentum.cci') return { window: grid.window, zero_denominator: ['talib', 'nan'] };
    if (id === 'trend.chandelier_exit') return { window: grid.window, mult: [1, 2.5], seed: grid.seed };
    return grid;
  };
  /** pushMany() and history of grid g of `id` through the kernels against push() and compute(). */
  async function keepsTheContract(id: string, g: Record<string, unknown>, backend: BackendName, dtype: 'float64' | 'float32'): Promise<void> {
    const engine = await engineFor(backend);
    // History shorter than the longest windows: the batch after it starts with variants still seeding.
    const a = await engine.stream({ indicator: id, grid: g, dtype, history: part(c, 0, 20) });
    expect(a.batchRoute, id).toBe('kernel');
    const b = await engine.stream({ indicator: id, grid: g, dtype });
    for (let i = 0; i < 20; i++) b.push(bar(c, i));
    expect(sameBytes(a.checkpoint(), b.checkpoint()), 'after history').toBe(true);
    // Pushes and a revised forming bar.
    for (let i = 20; i < 25; i++) {
      a.push(bar(c, i));
      b.push(bar(c, i));
    }
    a.push({ ...bar(c, 25), close: c.close[25]! * 1.05, high: c.high[25]! * 1.05 });
    a.update(bar(c, 25));
    b.push(bar(c, 25));
    const all = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.slice()])) as Cols;
    // Batches: [26, 200) with a gap inside, [200, 260), [260, N) whose first bar is a gap.
    for (const [from, to] of [[26, 200], [200, 260], [260, N]] as const) {
      const got = await a.pushMany(part(c, from, to));
      for (let i = from; i < to; i++) b.push(bar(c, i));
      expect(sameBytes(a.checkpoint(), b.checkpoint()), `after bars ${from}..${to}`).toBe(true);
      const want = await engine.compute({ indicator: id, candles: part(all, 0, to), grid: g, dtype });
      const V = want.variants;
      for (const o of want.outputs) {
        const w = want.values(o), v = got.values(o);
        for (let i = 0; i < (to - from) * V; i++) {
          if (!Object.is(v[i], w[from * V + i])) expect.fail(`${backend} ${id} ${dtype} ${o} ${JSON.stringify(want.variant(i % V))} bar ${from + Math.floor(i / V)}: pushMany ${v[i]}, compute() ${w[from * V + i]}`);
        }
      }
      want.release();
      got.release();
      // The batch's last bar can be revised, and is as compute() gives it at its revision.
      const revised = { ...bar(c, to - 1), close: c.close[to - 1]! * 0.99, low: Math.min(c.low[to - 1]!, c.close[to - 1]! * 0.99) };
      a.update(revised);
      b.update(revised);
      all.close[to - 1] = revised.close;
      all.low[to - 1] = revised.low;
      expect(sameBytes(a.checkpoint(), b.checkpoint()), `after revising bar ${to - 1}`).toBe(true);
    }
    a.close();
    b.close();
  }
  ids.forEach((id, n) => {
    for (const dtype of ['float64', 'float32'] as const) {
      it(`${id} ${dtype}`, async () => {
        const backend: BackendName = n % 2 === (dtype === 'float64' ? 0 : 1) ? 'native' : 'wasm';
        await keepsTheContract(id, gridOf(id), backend, dtype);
      });
    }
  });
  // TA_MA types other than 'sma' (matype::Lane): every type with a lane, a history cut mid-seed, a batch at a gap.
  const MATYPE_CASES: [string, Record<string, unknown>][] = [
    ['momentum.stoch', { k_window: [2, 30], k_smoothing: [1, 5], d_window: [3], slowk_matype: ['ema', 'dema', 't3'], slowd_matype: ['sma', 'kama'], zero_denominator: ['talib', 'nan'] }],
    ['momentum.stoch', { k_window: [9, 50], k_smoothing: [4], d_window: [1, 4], slowk_matype: ['tema', 'trima', 'kama', 'sma'], slowd_matype: ['ema', 'tema', 'trima', 't3', 'dema'] }],
    ['momentum.stochf', { k_window: [1, 9, 50], d_window: [1, 3, 6], fastd_matype: ['ema', 'dema', 'tema', 'trima', 'kama', 't3', 'sma'], zero_denominator: ['talib', 'nan'] }],
    // The spreads: 'ema' variants in emaSpread's part of each variant's state, the others' lanes after it (laneSpread).
    ['momentum.apo', { source: ['close', 'hlc3'], fast: [3, 12], slow: [5, 26], matype: ['ema', 'sma', 'dema', 'tema', 't3', 'trima', 'kama'] }],
    ['momentum.ppo', { fast: [3, 12], slow: [26], signal: [1, 9], matype: ['sma', 'ema', 'kama', 't3', 'trima'], zero_denominator: ['talib', 'nan'] }],
    ['momentum.macdext', { fast: [3, 12], slow: [5, 26], signal: [1, 9], fast_matype: ['ema', 'sma', 'kama'], slow_matype: ['dema', 'trima', 'ema'], signal_matype: ['tema', 't3', 'ema'] }],
  ];
  MATYPE_CASES.forEach(([id, g], n) => {
    for (const backend of ['native', 'wasm'] as const) {
      const dtype = n % 2 === (backend === 'native' ? 0 : 1) ? 'float64' : 'float32';
      it(`${id} ${JSON.stringify(g)} ${backend} ${dtype}`, () => keepsTheContract(id, g, backend, dtype));
    }
  });

  /** A grid of two windows (or the id's defaults where it has no window), for the refused-batch case. */
  const smallGridOf = (id: string): Record<string, unknown> => {
    if (id === 'momentum.macd') return { fast: [3, 12], slow: [26] };
    if (id === 'volume.adosc') return { fast: [3], slow: [10] };
    if (id.startsWith('volume.') || id.includes('sar') || HILBERT.some((h) => h.kernel === id)) return {};
    if (id === 'structure.candle_stats_atr_norm') return { atr_window: [3, 30] };
    if (id.startsWith('momentum.stoch')) return { k_window: [3, 30] };
    if (id === 'momentum.ultosc') return { window3: [10, 30] };
    return { window: [3, 30] };
  };
  it('a pushMany refused at a bad candle (bar k) leaves the state unchanged', async () => {
    const engine = await engineFor('native');
    for (const id of ids) {
      const s = await engine.stream({ indicator: id, grid: smallGridOf(id), history: part(c, 0, 100) });
      const before = s.checkpoint();
      const bad = part(c, 100, 200);
      const high = bad.high.slice();
      high[57] = bad.low[57]! - 1;  // high below low
      await expect(s.pushMany({ ...bad, high })).rejects.toMatchObject({ code: 'INVALID_CANDLES' });
      expect(s.barsSeen).toBe(100);
      expect(sameBytes(s.checkpoint(), before), id).toBe(true);
      s.close();
    }
  });

  it('a call while a pushMany() waits for its kernels is refused with INVALID_REQUEST, and the batch completes', async () => {
    const engine = await engineFor('wasm');
    const s = await engine.stream({ indicator: 'ma.ema', grid: { window: [3, 30] }, history: part(c, 0, 100) });
    const pending = s.pushMany(part(c, 100, 200));
    expect(() => s.push(bar(c, 200))).toThrow(/still running/);
    expect(() => s.checkpoint()).toThrow(/still running/);
    await pending;
    expect(s.barsSeen).toBe(200);
    s.push(bar(c, 200));
    expect(s.barsSeen).toBe(201);
    s.close();
  });
});

describe('a batch large enough for the pool runs there, in chunks, with the same bits', () => {
  for (const backend of ['native', 'wasm'] as const) {
    it(backend, async () => {
      const engine = await createEngine(testEngineOptions({ numThreads: 2, backend }));
      try {
        const N = 9000;
        const c = candles(N, 5, [2500, 2501]);
        const grid = { source: ['close', 'hlc3'], window: { start: 5, stop: 200 } };
        const macd = { source: grid.source, fast: { start: 2, stop: 30 }, slow: [26, 50], signal: [9] };
        // ZLEMA and ADXR: parts of their own lengths at one stride per variant; KAMA and MAXINDEX: a lead of the bars
        // before the batch; TRIMA and TSF: a source run's state beside the variants' parts, one run in as many chunks as
        // the calibration makes (two chunks of a run, each call with its own variants, are checked above either way).
        for (const id of ['ma.sma', 'ma.ema', 'momentum.rsi', 'momentum.macd', 'ma.zlema', 'trend.adxr', 'ma.kama', 'structure.maxindex', 'ma.trima', 'structure.tsf']) {
          const g = id === 'momentum.macd' ? macd : id === 'trend.adxr' ? { window: grid.window, seed: ['sma', 'first'] } : id === 'ma.trima' || id === 'structure.tsf' ? { window: grid.window } : grid;
          const a = await engine.stream({ indicator: id, grid: g, history: part(c, 0, 1000) });
          const b = await engine.stream({ indicator: id, grid: g, history: part(c, 0, 1000) });
          const got = await a.pushMany(part(c, 1000, N));
          expect(got.meta.numThreads, `${id}: ran on the pool`).toBe(2);
          for (let i = 1000; i < N; i++) b.push(bar(c, i));
          expect(sameBytes(a.checkpoint(), b.checkpoint()), `${id}: the state after the batch`).toBe(true);
          const want = await engine.compute({ indicator: id, candles: c, grid: g });
          const V = want.variants, w = want.values(), v = got.values();
          for (let i = 0; i < (N - 1000) * V; i++) {
            if (!Object.is(v[i], w[1000 * V + i])) expect.fail(`${backend} ${id} ${JSON.stringify(want.variant(i % V))} bar ${1000 + Math.floor(i / V)}: pushMany ${v[i]}, compute() ${w[1000 * V + i]}`);
          }
          want.release();
          got.release();
          a.close();
          b.close();
        }
      } finally {
        await engine.close();
      }
    });
  }
});

describe('a kernel state whose stream keeps its tail: revised, restored, refused', () => {
  // The stream's last bars (KernelStateMap.streamKeepsTail) go before each batch once it holds the lead's bars; a
  // restored stream and one after a refused pushMany() step the lead until then. Gaps: in the history, in the tail
  // of a batch (360: 10 bars before 370), at a batch's first bar (500).
  const c = candles(700, 29, [120, 360, 500]);
  const cases: [string, Record<string, unknown>][] = [
    ['momentum.cci', { window: [5, 40], zero_denominator: ['talib', 'nan'] }],
    ['structure.minmaxindex', { source: ['close', 'hl2'], window: [3, 40] }],
    ['momentum.ultosc', { window1: [7], window2: [14], window3: [20, 40] }],
    ['volume.vwap_deviation', { window: [5, 30], mult: [1, 2] }],
  ];
  cases.forEach(([id, grid], n) => {
    for (const dtype of ['float64', 'float32'] as const) {
      const backend: BackendName = n % 2 === (dtype === 'float64' ? 0 : 1) ? 'native' : 'wasm';
      it(`${id} ${dtype} ${backend}`, async () => {
        const engine = await engineFor(backend);
        const a = await engine.stream({ indicator: id, grid, dtype, history: part(c, 0, 300) });
        expect(a.batchRoute).toBe('kernel');
        // The last bar revised: its slot of the tail too.
        a.push({ ...bar(c, 300), close: c.close[300]! * 1.01, high: c.high[300]! * 1.01 });
        a.update(bar(c, 300));
        const r = await engine.restoreStream(a.checkpoint(), { indicator: id });
        const check = (s: typeof a, from: number, to: number, what: string) => batchAsCompute(engine, s, { indicator: id, grid, dtype }, c, from, to, what);
        // [301, 310), [310, 370): the restored stream does not hold the lead's bars yet; [370, 500), [500, 700): it does.
        for (const [from, to] of [[301, 310], [310, 370], [370, 500], [500, 600]] as const) {
          await check(a, from, to, 'kept');
          await check(r, from, to, 'restored');
          expect(sameBytes(a.checkpoint(), r.checkpoint()), `after bars ${from}..${to}`).toBe(true);
        }
        // A refused batch leaves the state as it was; the next ones step the lead, then take the tail again.
        const bad = part(c, 600, 700), high = bad.high.slice();
        high[50] = bad.low[50]! - 1;
        await expect(a.pushMany({ ...bad, high })).rejects.toMatchObject({ code: 'INVALID_CANDLES' });
        expect(a.barsSeen).toBe(600);
        await check(a, 600, 640, 'after a refused batch');
        await check(a, 640, 700, 'after a refused batch');
        a.close();
        r.close();
      });
    }
  });
});

describe('ma.wma windows over 256 through the kernel: the batch after a tail of the longest window', () => {
  const N = 2000;
  // Gaps: inside the first batch, at the first bar of the third, in the tail of the fifth (6 bars before it), inside it.
  const c = candles(N, 23, [450, 1100, 1399, 1699]);
  // The third: a long window alone in each call (its sums in registers, wmaSlideRun), going on from the state.
  const grids = [{ source: ['close', 'hlc3'], window: [5, 300] }, { window: [257, 400, 600] }, { source: ['close', 'hlc3'], window: [300] }];
  grids.forEach((g, n) => {
    for (const dtype of ['float64', 'float32'] as const) {
      const backend: BackendName = n % 2 === (dtype === 'float64' ? 0 : 1) ? 'native' : 'wasm';
      it(`${JSON.stringify(g)} ${dtype} ${backend}`, async () => {
        const engine = await engineFor(backend);
        // History shorter than the long windows: the first batch starts with them still seeding.
        const a = await engine.stream({ indicator: 'ma.wma', grid: g, dtype, history: part(c, 0, 100) });
        expect(a.batchRoute).toBe('kernel');
        const b = await engine.stream({ indicator: 'ma.wma', grid: g, dtype });
        for (let i = 0; i < 100; i++) b.push(bar(c, i));
        expect(sameBytes(a.checkpoint(), b.checkpoint()), 'after history').toBe(true);
        a.push({ ...bar(c, 100), close: c.close[100]! * 1.05, high: c.high[100]! * 1.05 });
        a.update(bar(c, 100));
        b.push(bar(c, 100));
        // [101, 900): seeding and a gap; [900, 1100): shorter than the tail; [1100, 1102): a gap first, one bar
        // through the kernel; [1102, 1400): ends at a gap; pushes; [1405, N): a gap in its tail, one inside it.
        for (const [from, to] of [[101, 900], [900, 1100], [1100, 1102], [1102, 1400], [1405, N]] as const) {
          for (let i = 1400; from === 1405 && i < from; i++) {
            a.push(bar(c, i));
            b.push(bar(c, i));
          }
          const got = await a.pushMany(part(c, from, to));
          for (let i = from; i < to; i++) b.push(bar(c, i));
          expect(sameBytes(a.checkpoint(), b.checkpoint()), `after bars ${from}..${to}`).toBe(true);
          const want = await engine.compute({ indicator: 'ma.wma', candles: part(c, 0, to), grid: g, dtype });
          const V = want.variants, w = want.values(), v = got.values();
          for (let i = 0; i < (to - from) * V; i++) {
            if (!Object.is(v[i], w[from * V + i])) expect.fail(`${JSON.stringify(want.variant(i % V))} bar ${from + Math.floor(i / V)}: pushMany ${v[i]}, compute() ${w[from * V + i]}`);
          }
          want.release();
          got.release();
        }
        // A history of every bar through the kernel: the state of the pushes.
        const h = await engine.stream({ indicator: 'ma.wma', grid: g, dtype, history: c });
        expect(sameBytes(h.checkpoint(), b.checkpoint()), 'after a history of every bar').toBe(true);
        h.close();
        a.close();
        b.close();
      });
    }
  });

  it('a pushMany refused at a bad candle leaves the state unchanged', async () => {
    const engine = await engineFor('wasm');
    const s = await engine.stream({ indicator: 'ma.wma', grid: grids[1]!, history: part(c, 0, 700) });
    const before = s.checkpoint();
    const bad = part(c, 700, 1500);
    const high = bad.high.slice();
    high[650] = bad.low[650]! - 1;  // high below low, after the lead
    await expect(s.pushMany({ ...bad, high })).rejects.toMatchObject({ code: 'INVALID_CANDLES' });
    expect(s.barsSeen).toBe(700);
    expect(sameBytes(s.checkpoint(), before)).toBe(true);
    s.close();
  });
});

describe('momentum.fisher: batches through the kernel read the bars before them from the state\'s tail', () => {
  // Batches of 1 to 13 bars, shorter than the longest window (60): every window of a batch's first bars
  // reaches into earlier batches. Gaps: a batch's last bar (117), its first (131), two in a row (160, 161),
  // a missing low alone (190).
  const c = candles(260, 23, [117, 131, 160, 161]);
  c.low[190] = NaN;
  const grid = { window: [2, 5, 17, 60] };
  for (const [backend, dtype] of [['native', 'float64'], ['wasm', 'float32'], ['wasm', 'float64']] as const) {
    it(`${backend} ${dtype}: rows as compute() gives them, the state as push() leaves it`, async () => {
      const engine = await engineFor(backend);
      const a = await engine.stream({ indicator: 'momentum.fisher', grid, dtype, history: part(c, 0, 40) });
      const b = await engine.stream({ indicator: 'momentum.fisher', grid, dtype });
      for (let i = 0; i < 40; i++) b.push(bar(c, i));
      expect(a.batchRoute).toBe('kernel');
      let from = 40;
      for (let k = 0; from < c.ts_open.length; k++) {
        const to = Math.min(c.ts_open.length, from + 1 + (k * 5) % 13);
        const got = await a.pushMany(part(c, from, to));
        for (let i = from; i < to; i++) b.push(bar(c, i));
        expect(sameBytes(a.checkpoint(), b.checkpoint()), `after bars ${from}..${to}`).toBe(true);
        const want = await engine.compute({ indicator: 'momentum.fisher', candles: part(c, 0, to), grid, dtype });
        const V = want.variants;
        for (const o of want.outputs) {
          const w = want.values(o), v = got.values(o);
          for (let i = 0; i < (to - from) * V; i++) {
            if (!Object.is(v[i], w[from * V + i])) expect.fail(`${o} window ${grid.window[i % V]} bar ${from + Math.floor(i / V)}: pushMany ${v[i]}, compute() ${w[from * V + i]}`);
          }
        }
        want.release();
        got.release();
        from = to;
      }
      a.close();
      b.close();
    });
  }
});

describe('ma.kama and momentum.stoch_rsi: batches after a tail from the state, revised, restored, refused', () => {
  // The call's first `lead` bars come from the stepper's state (KernelStateMap.tail: KAMA's ring of its source,
  // STOCHRSI's last value), so a restored stream takes them at once. Gaps: at a batch's first bar (120, 500), at the
  // last bar before one (360: the tail ends at a gap), 5 bars before one (365) and inside one (430).
  const c = candles(700, 31, [120, 360, 365, 430, 500]);
  const cases: [string, Record<string, unknown>][] = [
    // A lead of 40 bars (the longest window).
    ['ma.kama', { source: ['close', 'hl2'], window: [2, 7, 40] }],
    // A lead of 29 bars (the longest k_window - 1), both seeds, k_window 1 and a smoothed %K.
    ['momentum.stoch_rsi', { source: ['close', 'hl2'], rsi_window: [2, 14], k_window: [1, 5, 30], k_smoothing: [1, 3], d_window: [3], seed: ['sma', 'first'], zero_denominator: ['talib', 'nan'] }],
  ];
  cases.forEach(([id, grid]) => {
    for (const dtype of ['float64', 'float32'] as const) {
      for (const backend of ['native', 'wasm'] as const) {
        it(`${id} ${dtype} ${backend}`, async () => {
          const engine = await engineFor(backend);
          // A history shorter than the lead: the first batch's tail is NaN before the stream's first bar.
          const { a, b } = await historyAndPushes(engine, { indicator: id, grid, dtype }, c, 10);
          const check = (s: typeof a, from: number, to: number, what: string) => batchAsCompute(engine, s, { indicator: id, grid, dtype }, c, from, to, what);
          // [10, 30): fewer bars seen than the lead.
          await check(a, 10, 30, 'short');
          for (let i = 10; i < 30; i++) b.push(bar(c, i));
          expect(sameBytes(a.checkpoint(), b.checkpoint()), 'after bars 10..30').toBe(true);
          // Pushes, the last one revised (the tail's newest bar too).
          for (let i = 30; i < 35; i++) {
            a.push(i === 34 ? { ...bar(c, i), close: c.close[i]! * 1.03, high: c.high[i]! * 1.03 } : bar(c, i));
            b.push(bar(c, i));
          }
          a.update(bar(c, 34));
          const r = await engine.restoreStream(a.checkpoint(), { indicator: id });
          // [35, 40) and [361, 366): shorter than the lead; [120, 200) and [500, 600) start at a gap; [200, 361) ends at
          // one; [366, 500) starts right after one.
          for (const [from, to] of [[35, 40], [40, 120], [120, 200], [200, 361], [361, 366], [366, 500], [500, 600]] as const) {
            await check(a, from, to, 'kept');
            await check(r, from, to, 'restored');
            for (let i = from; i < to; i++) b.push(bar(c, i));
            expect(sameBytes(a.checkpoint(), b.checkpoint()), `after bars ${from}..${to}`).toBe(true);
            expect(sameBytes(r.checkpoint(), b.checkpoint()), `restored, after bars ${from}..${to}`).toBe(true);
          }
          // A refused batch leaves the state as it was; the next ones go on from it.
          const bad = part(c, 600, 700), high = bad.high.slice();
          high[50] = bad.low[50]! - 1;
          await expect(a.pushMany({ ...bad, high })).rejects.toMatchObject({ code: 'INVALID_CANDLES' });
          expect(a.barsSeen).toBe(600);
          expect(sameBytes(a.checkpoint(), b.checkpoint()), 'after a refused batch').toBe(true);
          await check(a, 600, 610, 'after a refused batch');
          await check(a, 610, 700, 'after a refused batch');
          for (let i = 600; i < 700; i++) b.push(bar(c, i));
          expect(sameBytes(a.checkpoint(), b.checkpoint()), 'after bars 600..700').toBe(true);
          a.close();
          b.close();
          r.close();
        });
      }
    }
  });
});

describe('the bands with TA_MA middle bands through the kernel: the lanes per variant after a tail of the moments\' inputs', () => {
  // The call's first bars are the stepper's last chunkFor(longest window) inputs (512 here), so streams that have seen
  // fewer and more bars than that; chunks of 512 bars on both grids cross the batches. Gaps: inside a batch (700), at a
  // batch's first bar (1300), right before one (1199: the tail ends at a gap).
  const c = candles(1800, 37, [700, 1199, 1300]);
  const cases: [string, Record<string, unknown>][] = [
    ['volatility.bbands', { source: ['close', 'hlc3'], window: [2, 9, 30, 200], mult: [1, 2.5], matype: ['ema', 'sma', 'kama', 'trima', 't3', 'dema', 'tema'] }],
    ['volatility.bbands_bandwidth', { window: [2, 17, 120], matype: ['tema', 'kama', 'sma'] }],
    ['volatility.bbands_percent_b', { window: [5, 33], mult: [2], matype: ['t3', 'trima', 'ema'] }],
  ];
  cases.forEach(([id, grid], n) => {
    for (const dtype of ['float64', 'float32'] as const) {
      const backend: BackendName = n % 2 === (dtype === 'float64' ? 0 : 1) ? 'native' : 'wasm';
      it(`${id} ${dtype} ${backend}`, async () => {
        const engine = await engineFor(backend);
        const { a, b } = await historyAndPushes(engine, { indicator: id, grid, dtype }, c, 100);
        a.push({ ...bar(c, 100), close: c.close[100]! * 1.02, high: c.high[100]! * 1.02 });
        a.update(bar(c, 100));
        b.push(bar(c, 100));
        const check = (s: typeof a, from: number, to: number, what: string) => batchAsCompute(engine, s, { indicator: id, grid, dtype }, c, from, to, what);
        let r: typeof a | null = null;
        // [101, 400): fewer bars seen than the tail; [400, 650), [650, 1199) (a gap inside), [1199, 1300) (after a
        // tail ending at a gap), [1300, 1800) (from a gap).
        for (const [from, to] of [[101, 400], [400, 650], [650, 1199], [1199, 1300], [1300, 1800]] as const) {
          await check(a, from, to, 'kept');
          if (r) await check(r, from, to, 'restored');
          for (let i = from; i < to; i++) b.push(bar(c, i));
          expect(sameBytes(a.checkpoint(), b.checkpoint()), `after bars ${from}..${to}`).toBe(true);
          if (r) expect(sameBytes(r.checkpoint(), b.checkpoint()), `restored, after bars ${from}..${to}`).toBe(true);
          r ??= await engine.restoreStream(a.checkpoint(), { indicator: id });
        }
        a.close();
        b.close();
        r!.close();
      });
    }
  });

  it('a refused batch leaves the state unchanged; the next goes on; \'wma\' and \'mama\' middle bands still step', async () => {
    const engine = await engineFor('native');
    const grid = { window: [10, 40], matype: ['kama', 'ema'] };
    const s = await engine.stream({ indicator: 'volatility.bbands', grid, history: part(c, 0, 900) });
    const before = s.checkpoint();
    const bad = part(c, 900, 1000), high = bad.high.slice();
    high[50] = bad.low[50]! - 1;
    await expect(s.pushMany({ ...bad, high })).rejects.toMatchObject({ code: 'INVALID_CANDLES' });
    expect(s.barsSeen).toBe(900);
    expect(sameBytes(s.checkpoint(), before)).toBe(true);
    await batchAsCompute(engine, s, { indicator: 'volatility.bbands', grid, dtype: 'float32' }, c, 900, 1000, 'after a refused batch');
    s.close();
    for (const matype of ['wma', 'mama']) {
      const w = await engine.stream({ indicator: 'volatility.bbands', grid: { window: [10, 40], matype: ['ema', matype] } });
      expect(w.batchRoute, matype).toBe('steps');
      w.close();
    }
  });
});
