// Stream steppers of the EMA chains, the EMA spreads and the volume windows
// (src/stream/steppers/chains.ts, flows.ts and their ids) at bars the random
// walk of test/stream.test.ts never takes: flat and zero series, zero volume
// and zero range, equal typical prices, a gap inside a window, windows longer
// than the run, a missing volume under a present source, revisions of the
// forming bar and checkpoints restored mid-window on the other backend. Every
// row of every variant is compared (Object.is) with compute() over the bars so far.
import { afterAll, describe, expect, it } from 'vitest';
import { closeEngines, engineFor, rng } from './helpers.js';
import { candles, likeCompute, walk } from './stream-like.js';

afterAll(closeEngines);

const FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

// A level, a flat stretch, zeros and negatives (a spread series), a gap inside the windows, a short run, a long one.
const SHAPES = [
  ...walk(6, 1),
  5, 5, 5, 5, 5, 5, 5, 5, 5, 5,    // flat: every window's path, range and spread 0
  0, 0, 0, 0, 0, 0, 0,             // zero: E3[t-1] = 0 (TRIX), slow EMA 0 (PPO)
  NaN,                             // a gap inside every window
  1, -1, 2,                        // a run shorter than the windows
  NaN,
  ...walk(24, 2, 50),
  -3, -3, 4, -4,
];

describe('stream steppers of EMA chains and spreads, bit for bit at edge cases', () => {
  it('ma.dema, ma.tema, ma.t3, ma.zlema over flat, zero and gapped series, both seeds', async () => {
    const c = candles(SHAPES);
    await likeCompute('ma.dema', { window: [2, 3, 5], seed: ['sma', 'first'] }, c, { restoreAt: 9 });
    await likeCompute('ma.tema', { window: [2, 4], seed: ['sma', 'first'] }, c, { restoreAt: 12 });
    await likeCompute('ma.t3', { window: [2, 3], vfactor: [0, 0.7, 1], seed: ['sma', 'first'] }, c, { restoreAt: 30 });
    // Windows 2 (lag 0), 3 and 4 (lag 1), 7 (lag 3): the de-lagged input reads a ring.
    await likeCompute('ma.zlema', { source: ['close', 'hl2'], window: [2, 3, 4, 7], seed: ['sma', 'first'] }, c, { restoreAt: 20 });
  });

  it('momentum.trix, with E3[t-1] = 0 under both zero_denominator', async () => {
    await likeCompute('momentum.trix', { window: [1, 2, 3], seed: ['sma', 'first'], zero_denominator: ['talib', 'nan'] }, candles(SHAPES), { restoreAt: 18 });
  });

  it('ma.kama: flat windows (path 0: ER 1), a gap, windows longer than the run', async () => {
    await likeCompute('ma.kama', { window: [2, 3, 5, 30] }, candles(SHAPES), { restoreAt: 14 });
  });

  it('ma.trima: odd and even windows, a revision changing the inner means', async () => {
    await likeCompute('ma.trima', { source: ['close', 'ohlc4'], window: [2, 3, 4, 7, 40] }, candles(SHAPES), { restoreAt: 25 });
  });

  it('momentum.cmo: flat windows (0/0) under both zero_denominator', async () => {
    await likeCompute('momentum.cmo', { window: [2, 3, 4], seed: ['sma', 'first'], zero_denominator: ['talib', 'nan'] }, candles(SHAPES), { restoreAt: 16 });
  });

  it('momentum.apo, momentum.ppo, momentum.macdfix, momentum.macdext with EMAs: swapped windows, a zero slow EMA', async () => {
    const c = candles(SHAPES);
    await likeCompute('momentum.apo', { fast: [2, 5], slow: [3, 4], seed: ['sma', 'first'], matype: ['ema'] }, c, { restoreAt: 11 });
    await likeCompute('momentum.ppo', { fast: [2, 5], slow: [3], signal: [1, 2], seed: ['sma', 'first'], zero_denominator: ['talib', 'nan'], matype: ['ema'] }, c, { restoreAt: 22 });
    await likeCompute('momentum.macdfix', { signal: [1, 3] }, candles([...walk(40, 3), NaN, ...walk(35, 4)]), { restoreAt: 30 });
    // Signal 1: TA-Lib's TA_MA copies the line (an EMA step of k = 1 would not).
    await likeCompute('momentum.macdext', { fast: [2, 4], slow: [3], signal: [1, 2] }, c, { restoreAt: 26 });
    // A spread around 0 at scales from 1 to 1e-6: there the line's EMA step of k = 1, (x - prev) + prev, is not x.
    const r = rng(9);
    const spread = Array.from({ length: 40 }, () => (r() - 0.5) * 10 ** (-6 * r()));
    await likeCompute('momentum.macdext', { fast: [2], slow: [3], signal: [1] }, candles(spread), { restoreAt: 20 });
  });

  it('a grid of the spreads with any MA type, MAMA included, steps', async () => {
    const engine = await engineFor('native');
    for (const [indicator, grid] of [
      ['momentum.apo', { matype: ['ema', 'mama'] }],
      ['momentum.ppo', { matype: ['mama'] }],
      ['momentum.macdext', { signal_matype: ['ema', 'mama', 'dema'] }],
    ] as const) {
      const s = await engine.stream({ indicator, grid });
      expect(s.mode, indicator).toBe('stepped');
      s.close();
    }
  });
});

describe('stream steppers of volume windows, bit for bit at edge cases', () => {
  // Zero volume (a window without volume), zero range (high = low: no money flow), equal typical prices,
  // a volume below 1 (MFI's sum below 1), a gap, then a long walk.
  const close = [...walk(5, 5), 7, 7, 7, 7, 7, 7, 7, 8, 9, 9, 9, NaN, ...walk(30, 6), 3, 3, 3, 3, 3, 3];
  const volume = close.map((_, i) => (i >= 5 && i < 11 ? 0 : i >= 12 && i < 15 ? 0.1 : i === 30 ? 0 : 10 + (i % 5)));
  const range = close.map((_, i) => (i >= 7 && i < 11 ? 0 : i >= close.length - 6 ? 0 : 1 + (i % 3)));
  const c = candles(close, volume, range);

  it('volume.vwap, volume.cmf, volume.mfi, volume.volume_sma', async () => {
    await likeCompute('volume.vwap', { window: [2, 3, 30] }, c, { restoreAt: 10 });
    await likeCompute('volume.cmf', { window: [2, 4, 30] }, c, { restoreAt: 13 });
    await likeCompute('volume.mfi', { window: [2, 4, 30], zero_denominator: ['talib', 'nan'] }, c, { restoreAt: 9 });
    await likeCompute('volume.volume_sma', { window: [2, 5] }, c, { restoreAt: 21 });
  });

  it('volume.vwap_deviation: flat typical prices give a stdev of exactly 0, chunks restart at a gap', async () => {
    await likeCompute('volume.vwap_deviation', { window: [2, 3, 5, 30], mult: [0, 2] }, c, { restoreAt: 17 });
  });

  it('volume.adosc: fast > slow as given, zero volume and zero range', async () => {
    await likeCompute('volume.adosc', { fast: [2, 5], slow: [2, 3] }, c, { restoreAt: 19 });
  });

  it('ma.vwma: a missing close with its volume present continues the volume sum, as the kernel', async () => {
    // Volumes with rounding in their sums, so a volume sum restarted at the missing close would differ in its last bits.
    const d = candles(close, volume.map((v, i) => (v === 0 ? 0 : v * 1.37 + i * 0.013)), range);
    d.close![20] = NaN;            // the source only
    d.open![26] = NaN;             // ohlc4 only
    d.volume![33] = NaN;           // the volume only
    await likeCompute('ma.vwma', { source: ['close', 'ohlc4'], window: [2, 3, 30] }, d, { restoreAt: 24 });
  });
});

describe('stream steppers of this family over a long random walk with gaps', () => {
  it('rows equal compute() for default-type grids of every id', async () => {
    const r = rng(7);
    const close = walk(80, 8).map((x) => (r() < 0.03 ? NaN : x));
    const c = candles(close, close.map(() => (r() < 0.1 ? 0 : 1 + 500 * r())), close.map(() => r() * 2));
    for (const f of FIELDS) if (f !== 'close') c[f]![Math.floor(r() * 80)] = NaN;  // a single missing field here and there
    const grids: [string, Record<string, unknown>][] = [
      ['ma.dema', { window: [5, 9] }], ['ma.tema', { window: [5] }], ['ma.t3', { window: [5], vfactor: [0.7] }], ['ma.zlema', { window: [6, 9] }],
      ['momentum.trix', { window: [4] }], ['ma.kama', { window: [10] }], ['ma.trima', { window: [6, 9] }],
      ['momentum.apo', { fast: [4], slow: [9] }], ['momentum.ppo', { fast: [4], slow: [9], signal: [3] }], ['momentum.macdfix', { signal: [9] }],
      ['momentum.macdext', { fast: [2, 4], slow: [9], signal: [1, 3] }], ['momentum.cmo', { window: [7] }],
      ['volume.mfi', { window: [7] }], ['volume.cmf', { window: [7] }], ['volume.adosc', { fast: [3], slow: [10] }],
      ['volume.vwap', { window: [10] }], ['volume.vwap_deviation', { window: [10], mult: [2] }], ['volume.volume_sma', { window: [7] }], ['ma.vwma', { window: [7] }],
    ];
    for (const [indicator, grid] of grids) await likeCompute(indicator, grid, c, { restoreAt: 50 });
  });
});
