// Short histories: a window longer than the candles makes its variant NaN
// throughout (not an error), the rest of the grid computes, and the result
// says how many variants never warm up. Bounds stay errors.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type IndicatorInfo } from '../dist/index.js';
import { closeEngines, derived, engineFor, inputName, failure, firstMismatch, syntheticCandles, allowedGrids, choiceValues } from './helpers.js';
import { referenceArgs } from './reference/common.js';
import { REFERENCES } from './reference/index.js';

afterAll(closeEngines);

/** Int axes mixing lengths below, at and above t (inside the bounds); float axes at their first default. */
function mixedGrid(info: IndicatorInfo, t: number): Record<string, unknown> {
  const grid: Record<string, unknown> = {};
  for (const a of info.axes) {
    if (a.kind === 'source') grid[a.name] = ['close', 'hlc3'];
    // The MA types by sample: each candle count (the salt) covers another one.
    else if (a.kind === 'choice') grid[a.name] = choiceValues(info, a, t, true);
    else if (a.kind === 'int') grid[a.name] = [...new Set([a.min!, t - 1, t, t + 1, t + 7, a.max!].filter((v) => v >= a.min! && v <= a.max!))];
    else {
      const d = a.default as number | number[] | { start: number };
      grid[a.name] = [typeof d === 'number' ? d : Array.isArray(d) ? d[0] : d.start];
    }
  }
  return grid;
}

describe('windows longer than the candles', () => {
  for (const backend of ['native', 'wasm'] as const) {
    for (const t of [1, 5, 40]) {
      it(`${backend}, ${t} candle(s): NaN where a window does not fit, reference values elsewhere, for every indicator`, async () => {
        const engine = await engineFor(backend);
        const candles = syntheticCandles({ t, seed: 30 + t });
        for (const info of listIndicators().filter((i) => !i.aliasOf)) for (const grid of allowedGrids(info, mixedGrid(info, t))) {
          const r = await engine.compute({ indicator: info.id, candles, grid: grid as never, dtype: 'float64' });
          let tooLong = 0;
          for (let v = 0; v < r.variants; v++) {
            const params = r.variant(v);
            const ctx = `${info.id} t=${t} ${JSON.stringify(params)}`;
            const longer = info.axes.some((a) => a.kind === 'int' && (params[a.name] as number) > t);
            if (longer) {
              tooLong++;
              for (const o of info.outputs) expect(Array.from(r.series(o.name, v)).every(Number.isNaN), `${ctx} ${o.name}`).toBe(true);
              continue;
            }
            const inputs = info.inputs.map((i) => derived(candles, inputName(i, params)));
            const ref = REFERENCES[info.id]!(inputs, ...referenceArgs(params));
            info.outputs.forEach((o, k) => {
              const got = r.series(o.name, v);
              const at = firstMismatch(got, ref[k]!, 1e-9, 1e-9);
              expect(at, `${ctx} ${o.name}: ${got[at]} vs reference ${ref[k]![at]} at bar ${at}`).toBe(-1);
            });
          }
          expect(r.meta.neverWarm, info.id).toBeGreaterThanOrEqual(tooLong);
          expect(r.meta.neverWarm, info.id).toBeLessThanOrEqual(r.variants);
        }
      });
    }
  }

  it('counts exactly the variants that never warm up, and keeps bounds errors', async () => {
    const engine = await engineFor('native');
    const candles = syntheticCandles({ t: 30, seed: 1 });
    // SMA(n) has its first value at bar n - 1: windows 31 and 40 never warm up on 30 candles, 30 does.
    const r = await engine.compute({ indicator: 'ma.sma', candles, grid: { window: [10, 30, 31, 40] } });
    expect(r.meta.neverWarm).toBe(2);
    expect(Number.isFinite(r.at('sma', 29, 1))).toBe(true);
    expect(r.at('sma', 29, 0)).toBeCloseTo(Array.from(candles.close.subarray(20, 30)).reduce((a, b) => a + b, 0) / 10, 4);
    const above = await failure(engine.compute({ indicator: 'ma.sma', candles, grid: { window: [100_001] } }));
    expect(above.code).toBe('GRID_VALIDATION');
    const below = await failure(engine.compute({ indicator: 'ma.sma', candles, grid: { window: [1] } }));
    expect(below.code).toBe('GRID_VALIDATION');
    expect(engine.estimate({ indicator: 'ma.sma', t: 30, grid: { window: [40] } }).variants).toBe(1);
  });
});
