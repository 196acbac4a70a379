// Stream steppers of the window statistics whose per-bar work is shared
// across a grid's variants (structure.avgdev's newest-first prefix sums and
// its deviations four variants at a time, structure.correl's variants two
// at a time, momentum.cci's slot order over a contiguous ring, the moments
// blocks' sums taken once per window and bar, the rolling extremes' rows and
// the MININDEX family's ring kept twice) on grids of many windows, as the
// default grids are: consecutive windows (groups of four and two, and an odd
// one left), windows in no order (a group whose windows fill at different
// bars), a series long enough for the rings to wrap many times, with a gap,
// a flat stretch (zero deviations, %b's meeting bands), equal values (index
// ties), a jump, revisions of the forming bar and a restore onto the other
// backend. Every row of every variant equals (Object.is) compute()'s.
import { afterAll, describe, it } from 'vitest';
import type { StreamCandle } from '../dist/index.js';
import { closeEngines } from './helpers.js';
import { candles, likeCompute, walk } from './stream-like.js';

afterAll(closeEngines);

// 160 bars: a walk, a flat stretch, a gap, a walk at 1000x, ties, a short run, another walk.
const CLOSE = [
  ...walk(50, 7),
  ...Array.from({ length: 25 }, () => 42.5),
  NaN,
  ...walk(30, 8, 100_000),
  ...Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 7 : 9)),
  NaN,
  3, 4,
  NaN,
  ...walk(39, 9, 60),
];
const RANGE = CLOSE.map((_, i) => (i >= 50 && i < 75 ? 0 : 0.25 + (i % 5) * 0.5));
const C = candles(CLOSE, undefined, RANGE);

/** The revision pushed first: a new high, low and close (a new extreme, a new mean), then the real bar. */
const flipped = (b: StreamCandle): StreamCandle => ({ ...b, close: (b.close ?? 0) * 1.5 + 3, high: (b.high ?? 0) * 1.5 + 5, low: (b.low ?? 0) * 0.5 - 2, open: (b.open ?? 0) - 1 });
const check = (indicator: string, grid: Record<string, unknown>, history = 3) => likeCompute(indicator, grid, C, { restoreAt: 97, history, revised: flipped });

/** Windows lo .. hi, every one. */
const span = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
// Consecutive windows, 39 of them (groups of four with three left); windows in no order, some longer than the runs after the gap.
const CONSECUTIVE = span(2, 40);
const SHUFFLED = [30, 5, 2, 17, 16, 3, 60, 1, 9];

describe('stream steppers of window statistics over grids of many windows, bit for bit', () => {
  it('structure.avgdev', async () => {
    await check('structure.avgdev', { source: ['close', 'hl2'], window: CONSECUTIVE });
    await check('structure.avgdev', { window: SHUFFLED.filter((w) => w > 1) }, 40);
  });

  it('momentum.cci', async () => {
    await check('momentum.cci', { window: CONSECUTIVE, zero_denominator: ['talib', 'nan'] });
    await check('momentum.cci', { window: SHUFFLED.filter((w) => w > 1) }, 40);
  });

  it('structure.correl', async () => {
    await check('structure.correl', { source: ['close'], source2: ['open', 'high'], window: span(1, 25) });
    await check('structure.correl', { source: ['hl2'], source2: ['low'], window: SHUFFLED }, 40);
  });

  it('structure.zscore, volatility.variance, stddev, bbands_bandwidth, bbands_percent_b', async () => {
    await check('structure.zscore', { window: CONSECUTIVE });
    await check('volatility.variance', { window: SHUFFLED }, 40);
    await check('volatility.stddev', { window: span(12, 20), nbdev: [1, 2] });
    await check('volatility.bbands_bandwidth', { window: span(13, 18), mult: [2] });
    await check('volatility.bbands_percent_b', { window: [...span(14, 17), 30], mult: [1, 2.5] });
  });

  it('structure.minmax, midpoint, midprice', async () => {
    await check('structure.minmax', { source: ['close', 'low'], window: CONSECUTIVE });
    await check('structure.midpoint', { window: SHUFFLED.filter((w) => w > 1) }, 40);
    await check('structure.midprice', { window: span(2, 33) });
  });

  it('structure.minindex, maxindex, minmaxindex', async () => {
    await check('structure.minindex', { window: CONSECUTIVE });
    await check('structure.maxindex', { source: ['close', 'high'], window: SHUFFLED.filter((w) => w > 1) }, 40);
    await check('structure.minmaxindex', { window: span(2, 24) }, 40);
  });
});
