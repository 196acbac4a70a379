// Streams of the trend / Wilder family steppers (ADX, ADXR, +DM, -DM, PSAR,
// SAREXT, Supertrend, Keltner, Vortex, ULTOSC, IMI, ACCBANDS) at values the
// random walk of test/stream.test.ts never takes: flat windows (zero true
// range), equal up and down moves, empty candle bodies, high + low = 0, SAR
// reversals on the bar's extreme, a gap and a single missing field in the
// middle of a window, windows longer than the run, revisions that change a
// bar's extreme, checkpoint/restore (onto the other backend) in the middle
// of a window. Every row of every variant is compared (Object.is) with the
// row compute() gives over the same bars, on both backends and dtypes.
import { afterAll, describe, expect, it } from 'vitest';
import type { StreamCandle } from '../dist/index.js';
import { closeEngines, engineFor, type BackendName } from './helpers.js';

afterAll(closeEngines);

type Candle = { ts_open: number; open: number; high: number; low: number; close: number; volume: number };

/** A bar of range [low, high], opening and closing inside it. */
const bar = (low: number, high: number, open = low, close = high): Omit<Candle, 'ts_open'> => ({ open, high, low, close, volume: 100 });
const GAP = { open: NaN, high: NaN, low: NaN, close: NaN, volume: NaN };

/**
 * A short series through the cases above: a rise and a fall (SAR reversals,
 * a low touching the SAR), a gap, a run starting flat (zero TR sums), bars moving their high and low by
 * the same amount both ways, empty bodies, bars around 0 (high + low = 0),
 * a gap, a run starting with equal moves (its first SAR trend by the tie
 * rule), a bar missing its high, then a rise again.
 */
function series(): Candle[] {
  const bars: Omit<Candle, 'ts_open'>[] = [
    bar(10, 11), bar(10.5, 12), bar(11, 12.5, 12.5, 11), bar(11.5, 13), bar(12, 14), bar(13, 14.5, 14.5, 13),
    bar(12, 13.5, 13.5, 12), bar(11, 12.5, 12.5, 11), GAP, bar(10, 10, 10, 10), bar(10, 10, 10, 10),
    bar(10, 10, 10, 10), bar(10, 10, 10, 10), bar(10, 10, 10, 10), bar(10, 10, 10, 10), bar(9, 11, 10, 10), bar(8, 12, 10, 10),
    bar(9, 11, 11, 9), bar(8, 12, 12, 8), GAP, bar(-2, 2, 0, 0), bar(-3, 3, 1, -1), bar(-3, 3, -1, 1), bar(-1, 1, 0, 0),
    bar(1, 3), bar(2, 4, 4, 2), { ...bar(2, 5), high: NaN }, bar(3, 6), bar(4, 7), bar(5, 8, 8, 5), bar(6, 9), bar(6, 9, 9, 6),
    bar(7, 10), bar(8, 11), bar(9, 12, 12, 9), bar(5, 9, 9, 5), bar(4, 6, 6, 4), bar(4, 7), bar(5, 8), bar(6, 9), bar(7, 10),
  ];
  return bars.map((b, i) => ({ ts_open: 1_000 + i, ...b }));
}

/** Revisions of the forming bar before its final value: a new extreme (a SAR reversal, a wider true range), then back. */
function revisions(c: Candle): Candle[] {
  if (c.high !== c.high || c.low !== c.low) return [];
  return [{ ...c, high: c.high + 3, close: c.high + 2 }, { ...c, low: c.low - 4, close: c.low - 3, open: c.low }];
}

function columns(bars: readonly Candle[]): Record<string, Float64Array> {
  const cols: Record<string, Float64Array> = {};
  for (const k of ['ts_open', 'open', 'high', 'low', 'close', 'volume'] as const) cols[k] = Float64Array.from(bars, (b) => b[k]);
  return cols;
}

/**
 * Streams `bars` after `history` of them, every third bar revised twice
 * before its final value and a checkpoint restored on the other backend
 * every fifth bar; every row against compute() over all bars (NaN for a
 * variant whose longest length is more than the bars seen then).
 */
async function likeCompute(indicator: string, grid: Record<string, unknown>, bars: readonly Candle[] = series(), history = 3): Promise<void> {
  const lengths = Object.entries(grid).filter(([k]) => /window/.test(k)).map(([k]) => k);
  for (const backend of ['native', 'wasm'] as BackendName[]) {
    const other: BackendName = backend === 'native' ? 'wasm' : 'native';
    const engine = await engineFor(backend);
    for (const dtype of ['float64', 'float32'] as const) {
      let s = await engine.stream({ indicator, grid, dtype, history: columns(bars.slice(0, history)) });
      expect(s.mode).toBe('stepped');
      const rows = new Map<string, (Float32Array | Float64Array)[]>(s.outputs.map((o) => [o, []]));
      for (let t = history; t < bars.length; t++) {
        let row = s.push((t % 3 === 0 ? revisions(bars[t]!)[0] ?? bars[t] : bars[t]) as StreamCandle);
        if (t % 3 === 0) {
          for (const r of revisions(bars[t]!).slice(1)) s.update(r as StreamCandle);
          row = s.update(bars[t] as StreamCandle);
        }
        for (const o of s.outputs) rows.get(o)!.push(row.values(o).slice());
        if (t % 5 === 0) {
          const restored = await (await engineFor(other)).restoreStream(s.checkpoint(), { indicator });
          s.close();
          s = restored;
        }
      }
      const want = await engine.compute({ indicator, candles: columns(bars), grid, dtype });
      const V = want.variants;
      const longest = Array.from({ length: V }, (_, v) => Math.max(0, ...lengths.map((k) => want.variant(v)[k] as number)));
      for (const o of s.outputs) {
        const exp = want.values(o);
        rows.get(o)!.forEach((got, i) => {
          const t = history + i;
          for (let v = 0; v < V; v++) {
            const e = longest[v]! > t + 1 ? NaN : exp[t * V + v]!;
            if (!Object.is(got[v], e)) expect.fail(`${backend} ${dtype} ${indicator} ${o} ${JSON.stringify(want.variant(v))} at bar ${t}: stream ${got[v]}, compute() ${e}`);
          }
        });
      }
      want.release();
      s.close();
    }
  }
}

describe('stream: trend / Wilder steppers equal compute() where the random walk never goes', () => {
  it('trend.adx: both seeds, adx_window, zero_denominator, through flat windows (zero TR sums) and equal moves', async () => {
    await likeCompute('trend.adx', { window: [2, 3, 5, 30], adx_window: [0, 3], seed: ['sma', 'first'], zero_denominator: ['talib', 'nan'] });
  });

  it('trend.adxr: both seeds, windows from 2 to longer than the runs', async () => {
    await likeCompute('trend.adxr', { window: [2, 3, 4, 30], seed: ['sma', 'first'] });
  });

  it('momentum.plus_dm and minus_dm: window 1 (the one-bar value), 2 and longer than the runs', async () => {
    await likeCompute('momentum.plus_dm', { window: [1, 2, 3, 30] });
    await likeCompute('momentum.minus_dm', { window: [1, 2, 3, 30] });
  });

  it('trend.psar: reversals on the extreme, a start above the maximum (clamped), after a gap', async () => {
    await likeCompute('trend.psar', { accel_start: [0.02, 0.5], accel_step: [0.02, 0.1], accel_max: [0.2, 0.3] });
  });

  it('trend.sarext: startvalue long, short and by -DM, an offset on reversals, long and short accelerations apart', async () => {
    await likeCompute('trend.sarext', {
      startvalue: [0, 9, -15], offsetonreverse: [0, 0.01], accelerationinitlong: [0.02, 0.4], accelerationlong: [0.02],
      accelerationmaxlong: [0.2], accelerationinitshort: [0.01], accelerationshort: [0.05], accelerationmaxshort: [0.3],
    });
  });

  it('trend.supertrend and trend.keltner: both seeds, windows from 2, flat windows (ATR 0), windows longer than the runs', async () => {
    await likeCompute('trend.supertrend', { window: [2, 3, 4, 30], mult: [0.1, 3], seed: ['sma', 'first'] });
    await likeCompute('trend.keltner', { window: [2, 3, 4, 30], mult: [0.1, 3], seed: ['sma', 'first'] });
  });

  it('trend.vortex: NaN where the true ranges of the window sum to 0', async () => {
    await likeCompute('trend.vortex', { window: [2, 3, 4, 30] });
  });

  it('momentum.ultosc: windows given out of order, equal, of 1; flat windows (TR sums 0)', async () => {
    await likeCompute('momentum.ultosc', { window1: [1, 4], window2: [2, 4], window3: [3, 1] });
  });

  it('momentum.imi: empty bodies (0 where a window has only those), a gap', async () => {
    await likeCompute('momentum.imi', { window: [2, 3, 5, 30] });
  });

  it('volatility.accbands: bars with high + low = 0 (unwidened), negative prices, a gap', async () => {
    await likeCompute('volatility.accbands', { window: [2, 3, 4, 30] });
  });
});
