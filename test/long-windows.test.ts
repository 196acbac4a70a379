// Windows up to 100,000 bars (TA-Lib's limit): window 10,080 (a week of
// one-minute candles) on every windowed indicator against its naive reference,
// both backends; scratch is sized from the request's longest window.
import { afterAll, describe, expect, it } from 'vitest';
import { isSourceInput, listIndicators, type IndicatorInfo } from '../dist/index.js';
import { closeEngines, derived, engineFor, inputName, failure, firstMismatch, syntheticCandles, allowedGrids } from './helpers.js';
import { referenceArgs } from './reference/common.js';
import { REFERENCES } from './reference/index.js';

afterAll(closeEngines);

const WEEK = 10_080;
const WINDOW_MAX = 100_000;
/** Valid bars past the lookback, so every output has values to compare. */
const VALUES = 12;

const windowAxes = (info: IndicatorInfo) => info.axes.filter((a) => a.kind === 'int' && a.max === WINDOW_MAX);

/** One variant: length `long` at WEEK, other lengths at their minimum, floats at their first default. */
function weekGrid(info: IndicatorInfo, long: string): Record<string, unknown> {
  const grid: Record<string, unknown> = {};
  for (const a of info.axes) {
    if (a.kind === 'source') grid[a.name] = ['close'];
    else if (a.kind === 'choice') grid[a.name] = a.values;
    else if (a.kind === 'int') grid[a.name] = [a.name === long ? WEEK : a.min!];
    else {
      const d = a.default as number | number[] | { start: number };
      grid[a.name] = [typeof d === 'number' ? d : Array.isArray(d) ? d[0] : d.start];
    }
  }
  return grid;
}

/** Bar at becomes the highest high and the lowest low of the series. */
function spike(c: Record<string, Float64Array>, at: number): void {
  c.high![at] = 2 * Math.max(...c.high!);
  c.low![at] = Math.min(...c.low!) / 2;
}

function scaleOf(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) m = Math.max(m, Math.abs(x[i]!));
  return m;
}

const windowed = listIndicators().filter((i) => !i.aliasOf && windowAxes(i).length > 0);
/** Every length of every windowed indicator, one at a time (rings of smoothing lengths included). */
const cases = windowed.flatMap((i) => windowAxes(i).map((a) => [`${i.id} ${a.name}`, i, a.name] as const));

describe(`window ${WEEK} against the naive reference`, () => {
  it('covers the windowed indicators', () => {
    expect(windowed.length).toBeGreaterThan(40);
  });

  for (const backend of ['native', 'wasm'] as const) {
    it.each(cases)(`${backend}: %s`, async (_name, info, long) => {
      const engine = await engineFor(backend);
      // Variant 0 only: the first value of every axis, which no grid constraint forbids.
      const grid = allowedGrids(info, weekGrid(info, long))[0]!;
      // The lookback is a function of the params alone: ask it on a short series.
      const probe = await engine.compute({ indicator: info.id, candles: syntheticCandles({ t: 1, seed: 1 }), grid: grid as never, dtype: 'float64' });
      const lookback = Math.max(...info.outputs.map((o) => probe.lookback(o.name, 0)));
      expect(lookback, info.id).toBeGreaterThanOrEqual(WEEK - 1);
      const t = lookback + VALUES;
      const candles = syntheticCandles({ t, seed: 77 });
      // A random walk rarely tops a week of bars: give the pivots one peak and one trough to find.
      if (info.id === 'structure.pivots') spike(candles, (grid.left as number[])[0]! + VALUES / 2);
      const r = await engine.compute({ indicator: info.id, candles, grid: grid as never, dtype: 'float64' });
      const params = r.variant(0);
      const inputs = info.inputs.map((i) => derived(candles, inputName(i, params)));
      const ref = REFERENCES[info.id]!(inputs, ...referenceArgs(params));
      const scale = Math.max(...inputs.map(scaleOf), 1e-300);
      let values = 0;
      info.outputs.forEach((o, k) => {
        const got = r.series(o.name, 0);
        values += Array.from(got).filter(Number.isFinite).length;
        const at = firstMismatch(got, ref[k]!, 1e-9, 1e-9 * Math.max(scaleOf(ref[k]!), scale));
        expect(at, `${info.id} ${JSON.stringify(params)} ${o.name}: ${backend} ${got[at]} vs reference ${ref[k]![at]} at bar ${at}`).toBe(-1);
      });
      expect(values, `${info.id}: values past the lookback`).toBeGreaterThan(0);
    });
  }
});

describe('the window bound', () => {
  for (const backend of ['native', 'wasm'] as const) {
    it(`${backend}: 100,000 computes, 100,001 is GRID_VALIDATION`, async () => {
      const engine = await engineFor(backend);
      const candles = syntheticCandles({ t: 200, seed: 5 });
      const r = await engine.compute({ indicator: 'ma.sma', candles, grid: { source: ['close'], window: [5, WINDOW_MAX] }, dtype: 'float64' });
      expect(r.series('sma', r.indexOf({ source: 'close', window: 5 }))[199]).toBeCloseTo(REFERENCES['ma.sma']!([candles.close], { window: 5 })[0]![199]!, 9);
      expect(Array.from(r.series('sma', r.indexOf({ source: 'close', window: WINDOW_MAX }))).every(Number.isNaN)).toBe(true);
      const err = await failure(engine.compute({ indicator: 'ma.sma', candles, grid: { source: ['close'], window: [WINDOW_MAX + 1] } }));
      expect(err.code).toBe('GRID_VALIDATION');
      expect(err.message).toMatch(/100000/);
    });
  }
});

describe('the memory estimate', () => {
  for (const backend of ['native', 'wasm'] as const) {
    it(`${backend}: counts the rings sized for the longest window of the grid`, async () => {
      const engine = await engineFor(backend);
      const at = (d: number) => engine.estimate({ indicator: 'momentum.stoch', t: 20_000, grid: { k_window: [14], k_smoothing: [3], d_window: [d] } }).bytesTotalEst;
      // STOCH keeps a slow %K and a %D ring of the longest window per lane of a block of 256 variants.
      expect(at(WEEK) - at(14)).toBe(engine.config.numThreads * 8 * 2 * 256 * (WEEK - 14));
    });
  }
});

describe('scratch sized for a shorter window than the call asks', () => {
  it('native: every ring-keeping kernel refuses it (kScratchTooSmall) instead of writing past it', async () => {
    const { loadAddon } = await import('../dist/backends/native.js');
    const addon = loadAddon();
    const kernels = addon.kernels();
    const t = 400;
    const candles = syntheticCandles({ t, seed: 9 });
    for (const id of ['ma.hma', 'momentum.stoch', 'momentum.stochf', 'momentum.stoch_rsi', 'trend.adxr', 'volume.vwap_deviation', 'structure.percent_rank']) {
      const k = kernels.findIndex((x) => x.id === id);
      const info = listIndicators().find((i) => i.id === id)!;
      const inputs = info.inputs.map((i) => derived(candles, isSourceInput(i) ? 'close' : i));
      const params = info.axes.filter((a) => a.kind !== 'source').map(() => Float64Array.of(3000));
      const out = info.outputs.map(() => new Float64Array(t));
      const short = addon.scratchSize(k, t, 30);
      expect(short, id).toBeLessThan(addon.scratchSize(k, t, 3000));
      expect(() => addon.run(k, inputs, t, params, 0, 1, out, true, 1, t, new Float64Array(short)), id).toThrow(/scratch buffer too small/);
      addon.run(k, inputs, t, params, 0, 1, out, true, 1, t, new Float64Array(addon.scratchSize(k, t, 3000)));
    }
  });
});
