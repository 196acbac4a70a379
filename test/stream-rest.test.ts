// Stream steppers of structure.sum, the candle anatomy ids, distance_to_ma_norm,
// pivots, fisher, stoch_rsi and the grids with an MA type other than their
// default (the TA_MA lanes of src/stream/steppers/matypes.ts: the bands, the
// stochastics, APO, PPO, MACDEXT, STOCHRSI's %D) at bars the random walk of
// test/stream.test.ts rarely takes: flat stretches (empty ranges, a zero
// ATR, KAMA's zero path), zero prices, equal highs (the first is the pivot),
// gaps inside windows and at a seed, runs shorter than the lookbacks (T3's is
// 6 (n - 1)), a long run, revisions of the forming bar that flip a branch,
// and checkpoints restored mid-window on the other backend. Every row of
// every variant equals (Object.is) compute()'s over the same bars.
import { afterAll, describe, expect, it } from 'vitest';
import type { StreamCandle } from '../dist/index.js';
import { portableLog } from '../dist/stream/steppers/fisher.js';
import { portableLog1p } from '../dist/stream/steppers/moments.js';
import { closeEngines, engineFor, rng } from './helpers.js';
import { candles, likeCompute, walk, type Columns } from './stream-like.js';

afterAll(closeEngines);

/** The revision pushed first: a new high, low and close, so windows' extremes, ranges and signs flip and flip back. */
const flipped = (b: StreamCandle): StreamCandle => ({ ...b, close: (b.close ?? 0) * 1.5 + 3, high: (b.high ?? 0) * 1.5 + 5, low: (b.low ?? 0) * 0.5 - 2, open: (b.open ?? 0) - 1 });
const check = (indicator: string, grid: Record<string, unknown>, c: Columns, restoreAt: number, history = 3) => likeCompute(indicator, grid, c, { restoreAt, history, revised: flipped });

// A walk, a flat stretch, zeros, a gap right after a run's first bar (at the seed), a short run, a long walk, a V.
const SHAPES = [
  ...walk(8, 1),
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
  0, 0, 0, 0, 0, 0,
  NaN, 2, NaN,
  1, -1, 2,
  NaN,
  ...walk(30, 2, 50),
  40, 38, 36, 34, 36, 38, 40,
];
// Ranges with empty bars (high = low) on the flat stretch and the zeros.
const RANGES = SHAPES.map((_, i) => (i >= 8 && i < 24 ? 0 : 0.5 + (i % 4) * 0.5));

describe('stream steppers of the structure ids, bit for bit at edge cases', () => {
  it('structure.sum: windows of 2 to 40, zeros, a gap at a run start', async () => {
    await check('structure.sum', { source: ['close', 'hl2'], window: [2, 3, 7, 40] }, candles(SHAPES, undefined, RANGES), 14);
  });

  it('structure.candle_stats (and its aliases): dojis, empty ranges, a missing field', async () => {
    const c = candles(SHAPES, undefined, RANGES);
    c.open![30] = NaN;
    c.high![35] = NaN;
    await check('structure.candle_stats', {}, c, 20);
    await check('structure.candle_body_pct', {}, c, 11);
  });

  it('structure.candle_stats_atr_norm (and an alias): a zero ATR, both seeds, a gap at the seed', async () => {
    const c = candles(SHAPES, undefined, RANGES);
    await check('structure.candle_stats_atr_norm', { atr_window: [1, 2, 5, 30], seed: ['sma', 'first'] }, c, 17);
    await check('structure.candle_range_atr', { atr_window: [3], seed: ['first'] }, c, 26);
  });

  it('structure.distance_to_ma_norm: two sources, both seeds, a missing high under a present close', async () => {
    const c = candles(SHAPES, undefined, RANGES);
    c.high![40] = NaN;
    await check('structure.distance_to_ma_norm', { source: ['close', 'hl2'], window: [2, 3, 9], seed: ['sma', 'first'] }, c, 33);
  });

  it('structure.pivots (and its aliases): equal highs and lows, flat stretches, runs shorter than left + right', async () => {
    const high = [5, 7, 7, 6, 5, 8, 8, 8, 4, 3, 9, NaN, 2, 4, 6, 4, 2, 4, 6, 6, 4, 2, 1, 2, 3, 2, 1, 5, 5, 5, 5, 5, 2, 7, 3, 7, 3];
    const c = candles(high.map((h) => h - 1));
    c.low = high.map((h, i) => (i % 5 === 0 ? h - 3 : h - 2));
    await check('structure.pivots', { left: [1, 2, 3, 8], right: [1, 2, 5] }, c, 19);
    await check('structure.pivot_high', { left: [2], right: [1, 3] }, c, 8);
    await check('structure.pivot_low', { left: [1, 4], right: [2] }, c, 27);
  });
});

describe('stream stepper of momentum.fisher, bit for bit', () => {
  it('portableLog (the kernels\' log) is within an ulp of Math.log over the ratios fisher takes it of, exact at powers of 2', () => {
    const r = rng(3);
    const ulp = (x: number) => 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52);
    for (let i = 0; i < 200_000; i++) {
      const v = (r() * 2 - 1) * 0.999, x = (1 + v) / (1 - v), got = portableLog(x), want = Math.log(x);
      if (Math.abs(got - want) > ulp(want)) expect.fail(`portableLog(${x}) = ${got}, Math.log ${want}`);
    }
    for (let k = -60; k <= 60; k++) expect(portableLog(2 ** k)).toBe(Math.log(2 ** k));
    expect(portableLog(1)).toBe(0);
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(5e-324)).toBeCloseTo(Math.log(5e-324), 12);
  });

  it("portableLog1p (volatility.hv's log return) is within 2 ulps of Math.log1p for small and large returns, x itself where 1 + x rounds to 1", () => {
    const r = rng(5);
    const ulp = (x: number) => 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52);
    for (let i = 0; i < 200_000; i++) {
      const x = (r() - 0.5) * (i % 3 === 0 ? 1e-6 : i % 3 === 1 ? 0.02 : 1.8), got = portableLog1p(x), want = Math.log1p(x);
      if (Math.abs(got - want) > 2 * ulp(want)) expect.fail(`portableLog1p(${x}) = ${got}, Math.log1p ${want}`);
    }
    expect(portableLog1p(0)).toBe(0);
    expect(portableLog1p(1e-17)).toBe(1e-17);
    expect(portableLog1p(1)).toBe(Math.LN2);
  });


  it('flat windows (position 0), a trend that clamps v at ±0.999, a gap, windows longer than the run', async () => {
    const trend = Array.from({ length: 40 }, (_, i) => 10 + i * 0.5);
    const close = [...walk(10, 3), 7, 7, 7, 7, 7, 7, NaN, ...trend, ...trend.slice().reverse(), ...walk(20, 4)];
    await check('momentum.fisher', { window: [2, 3, 10, 60] }, candles(close), 50);
  });
});

describe('stream steppers of grids with other MA types (TA_MA lanes), bit for bit', () => {
  const TYPES = ['sma', 'ema', 'wma', 'dema', 'tema', 'trima', 'kama', 't3'];
  // A long walk (T3's lookback is 6 (n - 1)), then the edge shapes, then another walk.
  const close = [...walk(45, 5), ...SHAPES, ...walk(40, 6, 30)];
  const c = candles(close, undefined, close.map((_, i) => (i >= 53 && i < 69 ? 0 : 1)));

  it('volatility.bbands, bbands_bandwidth, bbands_percent_b with every matype but MAMA', async () => {
    await check('volatility.bbands', { source: ['close', 'hlc3'], window: [2, 5], mult: [2], matype: TYPES }, c, 60);
    await check('volatility.bbands_bandwidth', { window: [3, 8], mult: [1.5], matype: ['wma', 'kama', 't3'] }, c, 30);
    await check('volatility.bbands_percent_b', { window: [4], mult: [0.1, 2], matype: ['ema', 'trima', 'dema'] }, c, 75);
  });

  it('momentum.stoch and stochf with mixed %K and %D types, flat windows under both zero_denominator', async () => {
    await check('momentum.stoch', { k_window: [3, 5], k_smoothing: [1, 3], d_window: [2, 3], slowk_matype: ['sma', 'wma', 't3'], slowd_matype: ['sma', 'ema', 'kama'], zero_denominator: ['talib', 'nan'] }, c, 66);
    await check('momentum.stochf', { k_window: [2, 5], d_window: [1, 3], fastd_matype: ['trima', 'tema', 'sma'], zero_denominator: ['talib', 'nan'] }, c, 41);
  });

  it('momentum.apo, momentum.ppo with every matype (fast > slow swapped), momentum.macdext with mixed types', async () => {
    await check('momentum.apo', { fast: [2, 5], slow: [3], matype: TYPES }, c, 57);
    await check('momentum.ppo', { fast: [3], slow: [2, 6], signal: [1, 3], zero_denominator: ['talib', 'nan'], matype: ['sma', 'wma', 'kama', 'trima', 'ema'] }, c, 62);
    await check('momentum.macdext', { fast: [2, 4], slow: [3], signal: [1, 3], fast_matype: ['ema', 'kama', 'tema'], slow_matype: ['sma', 'trima'], signal_matype: ['ema', 'wma', 't3'] }, c, 90);
  });

  it('MAMA lanes (a Hilbert transform of the averaged values) step every family with a matype axis, bit for bit', async () => {
    // Long enough for MAMA's 32-value lookback on the %K and spread lines, with a gap inside.
    const close = [...walk(70, 21), NaN, ...walk(60, 22, 80)];
    const m = candles(close);
    const engine = await engineFor('native');
    for (const [indicator, grid, restoreAt] of [
      ['volatility.bbands', { window: [5, 20], matype: ['sma', 'mama'] }, 40],
      ['volatility.bbands_percent_b', { window: [5], matype: ['mama'] }, 75],
      ['momentum.stoch', { k_window: [5], slowk_matype: ['sma', 'mama'], slowd_matype: ['mama'] }, 50],
      ['momentum.stochf', { fastd_matype: ['mama'] }, 90],
      ['momentum.apo', { fast: [3], slow: [5, 40], matype: ['ema', 'mama'] }, 36],
      ['momentum.ppo', { fast: [3], slow: [5], signal: [3], matype: ['mama'] }, 100],
      ['momentum.macdext', { fast: [3], slow: [5], signal: [4], fast_matype: ['mama', 'ema'], signal_matype: ['mama'] }, 45],
      ['momentum.stoch_rsi', { rsi_window: [5], k_window: [4], fastd_matype: ['mama'] }, 60],
    ] as const) {
      const s = await engine.stream({ indicator, grid });
      expect(s.mode, indicator).toBe('stepped');
      s.close();
      await check(indicator, grid, m, restoreAt);
    }
  });
});

describe('stream stepper of momentum.stoch_rsi, bit for bit', () => {
  it('flat RSI windows (%K 0/0) under both zero_denominator, both seeds, smoothing, every fastd_matype but MAMA', async () => {
    const close = [...walk(30, 7), 9, 9, 9, 9, 9, 9, 9, 9, 10, 11, 12, 13, 14, 15, NaN, ...walk(50, 8), 3, 3, 3, 3, 3];
    const c = candles(close);
    await check('momentum.stoch_rsi', { rsi_window: [2, 5], k_window: [1, 3], d_window: [3], k_smoothing: [1, 2], zero_denominator: ['talib', 'nan'], seed: ['sma', 'first'] }, c, 40);
    await check('momentum.stoch_rsi', { rsi_window: [3], k_window: [4], d_window: [2, 4], fastd_matype: ['ema', 'wma', 'dema', 'tema', 'trima', 'kama', 't3'] }, c, 52);
  });
});

describe('streams of these ids over long runs', () => {
  it('rows equal compute() after a history of 3,000 bars and 60 more pushes', async () => {
    const r = rng(11);
    const close = walk(3_080, 9).map((x) => (r() < 0.002 ? NaN : x));
    const c = candles(close, undefined, close.map(() => r() * 2));
    for (const [indicator, grid] of [
      ['structure.sum', { window: [5, 200] }],
      ['momentum.fisher', { window: [9, 100] }],
      ['structure.candle_stats_atr_norm', { atr_window: [14] }],
      ['momentum.stoch_rsi', { rsi_window: [14], fastd_matype: ['sma', 'kama'] }],
      ['momentum.ppo', { matype: ['t3', 'wma'] }],
    ] as const) await check(indicator, grid, c, 3_040, 3_000);
  });
});
