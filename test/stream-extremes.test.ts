// Streams of the rolling-extreme family (min, max, the MAXINDEX family,
// midpoint, midprice, donchian, williams_r, aroon, stoch, stochf,
// chandelier_exit, ichimoku) at values the random walk of stream.test.ts
// never takes: flat windows and bars without range, equal highs and lows
// (TA-Lib's tie rules for the index outputs and AROON), +0 and -0 (which of
// two equal extremes comes out), a gap and a missing field inside windows,
// windows longer than their run, revisions that make and then unmake a
// window's extreme, checkpoint/restore onto the other backend mid-window, and
// history of several lengths. Every row of every variant is compared with
// Object.is against compute() over the same bars, both backends and dtypes.
import { afterAll, describe, expect, it } from 'vitest';
import type { StreamCandle } from '../dist/index.js';
import { closeEngines, engineFor, type BackendName } from './helpers.js';

afterAll(closeEngines);

const FIELDS = ['open', 'high', 'low', 'close'] as const;
type Candles = Record<'ts_open' | (typeof FIELDS)[number], number[]>;

/** 34 bars: ties, a flat stretch, gaps (runs of 6, 7 and 19 bars), a missing close, +0 and -0. */
function edgeCandles(): Candles {
  const high = [10, 11, 11, 10, 12, 12, NaN, 12, 9, 5, 5, 5, 5, 5, NaN, 7, 7, 6, 7, 7, 6, 7, 7, 0, 0, -0, 0, -0, 0, 3, 4, 4, 2, 4];
  const low = [8, 9, 8, 8, 9, 8, NaN, 9, 7, 5, 5, 5, 5, 5, NaN, 3, 2, 3, 2, 3, 2, 2, 3, -0, 0, -0, -0, 0, -0, 1, 1, 2, 1, 1];
  const close = [9, 10, 9, 9, 11, 9, NaN, 10, 8, 5, 5, 5, 5, 5, NaN, 5, 2, 6, 7, 3, 2, 7, NaN, 0, -0, -0, 0, 0, -0, 2, 4, 2, 1, 3];
  const ts_open = close.map((_, i) => 1_000 + i);
  return { ts_open, open: close.map((c, i) => (c === c ? c : high[i]!)), high, low, close };
}

const barOf = (c: Candles, t: number): StreamCandle => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v[t]!])) as never;
const upTo = (c: Candles, n: number) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.slice(0, n)]));

/** A provisional version of bar t that moves every extreme it can: a new highest high, lowest low and close. */
function provisional(c: Candles, t: number): StreamCandle {
  const b = barOf(c, t) as Record<string, number>;
  return { ...b, high: b.high! + 100, low: b.low! - 100, close: b.close! + 50, open: b.open! - 50 } as never;
}

/**
 * Streams every bar after `history` on both backends and dtypes: every
 * fourth bar arrives provisional (a new extreme), then update() turns it into
 * the real bar; at bar `restoreAt` the stream is checkpointed and restored on
 * the other backend. Each row equals compute()'s over the bars of the time:
 * a provisional row and a row while the grid's longest length is longer than
 * the bars are checked against a compute() of their own, the others against
 * one compute() over every bar at the end (compute() reads no later bar).
 */
async function likeCompute(indicator: string, grid: Record<string, unknown>, candles: Candles, history: number, restoreAt: number): Promise<void> {
  const T = candles.ts_open.length;
  const longest = Math.max(...Object.values(grid).flat().filter((x): x is number => typeof x === 'number'));
  const outputs = indicator === 'trend.ichimoku' ? ['conversion', 'base', 'span_a', 'span_b'] : undefined;
  for (const backend of ['native', 'wasm'] as const) {
    for (const dtype of ['float64', 'float32'] as const) {
      const engine = await engineFor(backend);
      let s = await engine.stream({ indicator, grid, dtype, outputs, history: upTo(candles, history) });
      expect(s.mode).toBe('stepped');
      const kept: { t: number; what: string; rows: Map<string, Float64Array | Float32Array> }[] = [];
      const compare = (got: Map<string, Float64Array | Float32Array>, want: Awaited<ReturnType<typeof engine.compute>>, t: number, what: string) => {
        for (const name of want.outputs) {
          const row = got.get(name)!, exp = want.values(name);
          for (let v = 0; v < want.variants; v++) {
            if (!Object.is(row[v], exp[t * want.variants + v])) {
              expect.fail(`${backend} ${dtype} ${indicator} ${what} ${name} ${JSON.stringify(want.variant(v))} at bar ${t}: stream ${row[v]}, compute() ${exp[t * want.variants + v]}`);
            }
          }
        }
      };
      const check = async (row: { values(o: string): Float64Array | Float32Array }, t: number, what: string, bars?: Candles) => {
        const rows = new Map(s.outputs.map((o) => [o, row.values(o).slice()]));
        if (!bars && t + 1 >= longest) {
          kept.push({ t, what, rows });
          return;
        }
        const want = await engine.compute({ indicator, candles: upTo(bars ?? candles, t + 1), grid, dtype, outputs });
        compare(rows, want, t, what);
        want.release();
      };
      for (let t = history; t < T; t++) {
        const real = barOf(candles, t);
        if (t % 4 === 1 && (real.close as number) === (real.close as number) && (real.high as number) === (real.high as number)) {
          const early = provisional(candles, t);
          const bars = Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.map((x, i) => (i === t ? (early as Record<string, number>)[k]! : x))])) as Candles;
          await check(s.push(early), t, 'provisional push', bars);
          await check(s.update(real), t, 'update');
        } else await check(s.push(real), t, 'push');
        if (t === restoreAt) {
          const other: BackendName = backend === 'native' ? 'wasm' : 'native';
          const s2 = await (await engineFor(other)).restoreStream(s.checkpoint(), { indicator });
          expect(s2.barsSeen).toBe(t + 1);
          s.close();
          s = s2;
        }
      }
      const want = await engine.compute({ indicator, candles: upTo(candles, T), grid, dtype, outputs });
      for (const k of kept) compare(k.rows, want, k.t, k.what);
      expect(kept.length).toBeGreaterThan(10);
      want.release();
      s.close();
    }
  }
}

const CASES: [string, Record<string, unknown>][] = [
  ['structure.min', { source: ['close', 'high'], window: [2, 3, 5, 8] }],
  ['structure.max', { source: ['close', 'low'], window: [2, 3, 5, 8] }],
  ['structure.minmax', { source: ['close'], window: [2, 4, 7] }],
  ['structure.midpoint', { source: ['close', 'hl2'], window: [2, 3, 6] }],
  ['structure.midprice', { window: [2, 3, 5, 8] }],
  ['structure.minindex', { source: ['close', 'low'], window: [2, 3, 5, 8] }],
  ['structure.maxindex', { source: ['close', 'high'], window: [2, 3, 5, 8] }],
  ['structure.minmaxindex', { source: ['close'], window: [2, 4, 7] }],
  ['trend.donchian', { window: [2, 3, 5, 8] }],
  ['momentum.williams_r', { window: [2, 3, 5, 8], zero_denominator: ['talib', 'nan'] }],
  ['trend.aroon', { window: [2, 3, 5, 7] }],
  ['momentum.stoch', { k_window: [2, 5], k_smoothing: [1, 3], d_window: [1, 3], zero_denominator: ['talib', 'nan'] }],
  ['momentum.stochf', { k_window: [2, 3, 6], d_window: [1, 2, 4], zero_denominator: ['talib', 'nan'] }],
  ['trend.chandelier_exit', { window: [2, 3, 5], mult: [1.5, 3], seed: ['sma', 'first'] }],
  ['trend.ichimoku', { conversion: [2, 3], base: [3, 5], span_b: [4, 6], displacement: [1, 3] }],
];

describe('stream: the rolling-extreme steppers at ties, flat windows, +0/-0, gaps and revisions', () => {
  for (const [indicator, grid] of CASES) {
    it(indicator, async () => {
      const candles = edgeCandles();
      // Restored mid-window: after the flat stretch, and inside the +0/-0 stretch.
      await likeCompute(indicator, grid, candles, 3, 11);
      // A history through two gaps and into the ties (resumed at batch speed where the stepper can).
      await likeCompute(indicator, grid, candles, 20, 26);
    });
  }

  it('steps stoch and stochf with every MA type, MAMA included, exact', async () => {
    const engine = await engineFor('native');
    const candles = edgeCandles();
    for (const [indicator, grid, mode] of [
      ['momentum.stoch', { slowk_matype: ['sma'], slowd_matype: ['sma'] }, 'stepped'],
      ['momentum.stoch', { slowk_matype: ['sma', 'ema'] }, 'stepped'],
      ['momentum.stochf', { fastd_matype: ['wma'] }, 'stepped'],
      ['momentum.stoch', { slowk_matype: ['sma', 'mama'] }, 'stepped'],
      ['momentum.stochf', { fastd_matype: ['mama'] }, 'stepped'],
    ] as const) {
      const s = await engine.stream({ indicator, grid, dtype: 'float64', history: upTo(candles, 30) });
      expect(s.mode, `${indicator} ${JSON.stringify(grid)}`).toBe(mode);
      const row = s.push(barOf(candles, 30));
      const want = await engine.compute({ indicator, grid, dtype: 'float64', candles: upTo(candles, 31) });
      for (const name of want.outputs) expect([...row.values(name)]).toEqual([...want.values(name).subarray(30 * want.variants)]);
      want.release();
      s.close();
    }
  });

  it('counts bar indexes from the stream\'s first bar, history and gaps included', async () => {
    // A long falling series: MAXINDEX rescans its window on every bar (the extreme leaves it), MININDEX keeps the newest.
    const n = 300;
    const close = Array.from({ length: n }, (_, i) => (i === 150 ? NaN : 1_000 - i));
    const candles = { ts_open: close.map((_, i) => 1_000 + i), close };
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      const s = await engine.stream({ indicator: 'structure.minmaxindex', grid: { window: [3, 40] }, dtype: 'float64', history: { ts_open: candles.ts_open.slice(0, 200), close: close.slice(0, 200) } });
      const row = s.push({ ts_open: candles.ts_open[200]!, close: close[200]! });
      expect([...row.values('minidx')]).toEqual([200, 200]);
      expect([...row.values('maxidx')]).toEqual([198, 161]);  // the run after the gap at 150 starts at 151
      s.close();
    }
  });
});
