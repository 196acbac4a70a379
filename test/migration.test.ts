// The migration check (docs/migrating-from-numba.md): for the old engine's
// ids whose values ta-grid reproduces with options, a naive port of the old
// formula (test/reference/numba/) agrees with ta-grid under those options to
// 1e-9 on random walks, on both backends.
import { afterAll, describe, expect, it } from 'vitest';
import * as old from './reference/numba/indicators.js';
import { closeEngines, engineFor, firstMismatch, syntheticCandles, type BackendName } from './helpers.js';

afterAll(closeEngines);

type Candles = ReturnType<typeof syntheticCandles>;
type Case = {
  /** The old id. */
  old: string;
  /** ta-grid request: indicator, grid, output, and the old params of each variant's row. */
  indicator: string;
  grid: Record<string, unknown>;
  output: string;
  /** The old value of the variant with these ta-grid params. */
  port: (c: Candles, p: Record<string, number | string>) => Float64Array;
  /** ta-grid's value -> the old one (an exact transform), when not the identity. */
  transform?: (x: number) => number;
  /** First bar compared (the old engine has values before ta-grid's lookback nowhere else). */
  from?: number;
};

const close = (c: Candles) => c.close;
const n = (p: Record<string, number | string>, k: string) => p[k] as number;

const CASES: Case[] = [
  { old: 'ma.ema', indicator: 'ma.ema', grid: { window: [5, 14, 50], seed: ['first'] }, output: 'ema', port: (c, p) => old.oldEma(close(c), n(p, 'window')) },
  { old: 'ma.rma', indicator: 'ma.rma', grid: { window: [5, 14, 50], seed: ['first'] }, output: 'rma', port: (c, p) => old.oldRma(close(c), n(p, 'window')) },
  { old: 'ma.dema', indicator: 'ma.dema', grid: { window: [5, 14, 50], seed: ['first'] }, output: 'dema', port: (c, p) => old.oldDema(close(c), n(p, 'window')) },
  { old: 'ma.tema', indicator: 'ma.tema', grid: { window: [5, 14, 50], seed: ['first'] }, output: 'tema', port: (c, p) => old.oldTema(close(c), n(p, 'window')) },
  { old: 'ma.zlema', indicator: 'ma.zlema', grid: { window: [5, 14, 50], seed: ['first'] }, output: 'zlema', port: (c, p) => old.oldZlema(close(c), n(p, 'window')) },
  { old: 'volatility.atr', indicator: 'volatility.atr', grid: { window: [5, 14, 50], seed: ['first'] }, output: 'atr', port: (c, p) => old.oldAtr(c.high, c.low, c.close, n(p, 'window')) },
  { old: 'momentum.rsi', indicator: 'momentum.rsi', grid: { window: [3, 14, 50], seed: ['first'], zero_denominator: ['nan'] }, output: 'rsi', port: (c, p) => old.oldRsi(close(c), n(p, 'window')) },
  {
    old: 'momentum.macd', indicator: 'momentum.macd', grid: { fast: [4, 12], slow: [26, 50], signal: [9], seed: ['first'] }, output: 'macd',
    port: (c, p) => old.oldMacd(close(c), n(p, 'fast'), n(p, 'slow')),
  },
  {
    // fast > slow: the old line is negated (ta-grid swaps the two EMAs, as TA-Lib).
    old: 'momentum.macd (fast > slow)', indicator: 'momentum.macd', grid: { fast: [30], slow: [12], signal: [9], seed: ['first'] }, output: 'macd',
    port: (c, p) => old.oldMacd(close(c), n(p, 'fast'), n(p, 'slow')), transform: (x) => -x,
  },
  {
    old: 'momentum.ppo', indicator: 'momentum.ppo', grid: { fast: [4, 12], slow: [26, 50], signal: [9], seed: ['first'] }, output: 'ppo',
    port: (c, p) => old.oldPpo(close(c), n(p, 'fast'), n(p, 'slow')),
  },
  // ta-grid's k starts on d's first bar: 1 + (k_window − 1) + (k_smoothing − 1) + (d_window − 1) with seed 'first'.
  {
    old: 'momentum.stoch_rsi', indicator: 'momentum.stoch_rsi', grid: { rsi_window: [14], k_window: [14], k_smoothing: [3], d_window: [3], seed: ['first'], zero_denominator: ['nan'] }, output: 'k',
    port: (c, p) => old.oldStochRsiK(close(c), n(p, 'rsi_window'), n(p, 'k_window'), n(p, 'k_smoothing')), from: 18,
  },
  { old: 'momentum.trix', indicator: 'momentum.trix', grid: { window: [5, 15, 30], seed: ['first'] }, output: 'trix', port: (c, p) => old.oldTrix(close(c), n(p, 'window')) },
  {
    // The old Keltner's primary output is its middle line: an EMA of the typical price.
    old: 'trend.keltner', indicator: 'ma.ema', grid: { source: ['hlc3'], window: [10, 20], seed: ['first'] }, output: 'ema',
    port: (c, p) => old.oldKeltnerMiddle(c.high, c.low, c.close, n(p, 'window')),
  },
  {
    old: 'trend.chandelier_exit', indicator: 'trend.chandelier_exit', grid: { window: [5, 22], mult: [3], seed: ['first'] }, output: 'long',
    port: (c, p) => old.oldChandelierLong(c.high, c.low, c.close, n(p, 'window'), n(p, 'mult')),
  },
  {
    old: 'structure.distance_to_ma_norm', indicator: 'structure.distance_to_ma_norm', grid: { window: [5, 20], seed: ['first'] }, output: 'distance_to_ma_norm',
    port: (c, p) => old.oldDistanceToMaNorm(close(c), c.high, c.low, c.close, n(p, 'window')),
  },
  {
    old: 'structure.candle_body_atr', indicator: 'structure.candle_body_atr', grid: { atr_window: [5, 14], seed: ['first'] }, output: 'body_atr',
    port: (c, p) => old.oldCandleBodyAtr(c.open, c.high, c.low, c.close, n(p, 'atr_window')),
  },
  {
    old: 'structure.candle_body_pct', indicator: 'structure.candle_body_pct', grid: {}, output: 'body_pct',
    port: (c) => old.oldCandleBodyPct(c.open, c.high, c.low, c.close), transform: (x) => x / 100,
  },
  {
    // From bar 1: bar 0 has no movement, so the old DX is undefined there (see the guide).
    old: 'trend.adx', indicator: 'trend.adx', grid: { window: [5, 14, 30], adx_window: [3, 14, 25], seed: ['first'] }, output: 'adx',
    port: (c, p) => old.oldAdx(c.high, c.low, c.close, n(p, 'window'), n(p, 'adx_window')), from: 1,
  },
];

describe.each<BackendName>(['native', 'wasm'])('old engine values under the migration options (%s)', (backend) => {
  // Random walks (no gaps, no flat bars), two lengths and price scales.
  const walks = [syntheticCandles({ t: 700, seed: 101 }), syntheticCandles({ t: 300, seed: 202, scale: 3e4 })];

  it.each(CASES.map((c) => [c.old, c] as const))('%s', async (_name, k) => {
    const engine = await engineFor(backend);
    for (const candles of walks) {
      const r = await engine.compute({ indicator: k.indicator, candles, grid: k.grid as never, dtype: 'float64', outputs: [k.output] });
      for (let v = 0; v < r.variants; v++) {
        const p = r.variant(v);
        const want = k.port(candles, p);
        const got = Float64Array.from(r.series(k.output, v), (x) => (k.transform ? k.transform(x) : x));
        const from = k.from ?? 0;
        const scale = Math.max(1e-300, ...Array.from(want.subarray(from), (x) => (Number.isFinite(x) ? Math.abs(x) : 0)));
        // ta-grid reaches every bar the old engine did (no warm-up NaN under seed 'first').
        expect(Number.isNaN(got[from]!), `${k.old} ${JSON.stringify(p)}: NaN at bar ${from}`).toBe(Number.isNaN(want[from]!));
        const at = firstMismatch(got.subarray(from), want.subarray(from), 1e-9, 1e-9 * scale);
        expect(at, `${k.old} ${JSON.stringify(p)}: ta-grid ${got[from + at]} vs old ${want[from + at]} at bar ${from + at}`).toBe(-1);
      }
    }
  });

  it('the ports are not the TA-Lib defaults: without the options the values differ', async () => {
    const engine = await engineFor(backend);
    const candles = walks[0]!;
    const r = await engine.compute({ indicator: 'ma.ema', candles, grid: { window: [50] }, dtype: 'float64' });
    const want = old.oldEma(candles.close, 50);
    expect(Number.isNaN(r.series('ema', 0)[10]!)).toBe(true);
    expect(Math.abs(r.series('ema', 0)[60]! - want[60]!)).toBeGreaterThan(1e-6);
  });
});

