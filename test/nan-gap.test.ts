// The NaN policy, bit for bit: a run of valid candles after a gap gives
// exactly the values that run gives on its own, for every indicator on both
// backends (nothing carries over a gap, and no arithmetic depends on where
// the run sits in the series).
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type IndicatorInfo } from '../dist/index.js';
import { closeEngines, engineFor, syntheticCandles, allowedGrids, choiceValues } from './helpers.js';

afterAll(closeEngines);

const T = 700, GAP = [280, 286] as const;  // candles 280..285 are missing (all of OHLCV NaN)

function gapped() {
  const c = syntheticCandles({ t: T, seed: 31, scale: 250 });
  for (let i = GAP[0]; i < GAP[1]; i++) for (const k of ['open', 'high', 'low', 'close', 'volume'] as const) c[k][i] = NaN;
  return c;
}

function slice(c: ReturnType<typeof gapped>, from: number, to: number) {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.slice(from, to)])) as ReturnType<typeof gapped>;
}

/** Short and long windows (the longest fits the run after the gap), choice axes at every value (MA types sampled), other axes at two values. */
function gapGrid(info: IndicatorInfo): Record<string, unknown> {
  const grid: Record<string, unknown> = {};
  for (const a of info.axes) {
    if (a.kind === 'source') grid[a.name] = ['close', 'hlc3'];
    // The MA types by sample: each run computes every variant three times.
    else if (a.kind === 'choice') grid[a.name] = choiceValues(info, a, info.id.length, true);
    else if (a.kind === 'int') grid[a.name] = [...new Set([a.min!, Math.min(a.max!, a.min! + 7), Math.min(a.max!, Math.max(a.min!, 120))])];
    // A Set: at a huge bound (SAREXT's startvalue, ±3e37) min + 0.5 is min.
    else grid[a.name] = [...new Set([a.min!, Math.min(a.max!, a.min! + 0.5)])];
  }
  return grid;
}

describe('NaN gap: a run after a gap is bit-identical to that run alone', () => {
  const candles = gapped();
  for (const info of listIndicators().filter((i) => !i.aliasOf)) {
    it(info.id, async () => {
      for (const grid of allowedGrids(info, gapGrid(info)) as never[]) for (const backend of ['native', 'wasm'] as const) {
        const engine = await engineFor(backend);
        const whole = await engine.compute({ indicator: info.id, candles, grid, dtype: 'float64', layout: 'variant-major' });
        const before = await engine.compute({ indicator: info.id, candles: slice(candles, 0, GAP[0]), grid, dtype: 'float64', layout: 'variant-major' });
        const after = await engine.compute({ indicator: info.id, candles: slice(candles, GAP[1], T), grid, dtype: 'float64', layout: 'variant-major' });
        for (const o of info.outputs) {
          // Bar indexes counted from the first candle (barIndex): the run alone gives them shifted by its first bar.
          const shift = o.barIndex ? GAP[1] : 0;
          for (let v = 0; v < whole.variants; v++) {
            const w = whole.series(o.name, v), a = before.series(o.name, v), b = after.series(o.name, v);
            const ctx = `${backend} ${info.id} ${o.name} ${JSON.stringify(whole.variant(v))}`;
            for (let t = 0; t < GAP[0]; t++) if (!Object.is(w[t], a[t])) expect.fail(`${ctx}: bar ${t} is ${w[t]}, alone ${a[t]}`);
            for (let t = GAP[0]; t < GAP[1]; t++) if (!Number.isNaN(w[t])) expect.fail(`${ctx}: bar ${t} in the gap is ${w[t]}`);
            for (let t = GAP[1]; t < T; t++) if (!Object.is(w[t], b[t - GAP[1]]! + shift)) expect.fail(`${ctx}: bar ${t} is ${w[t]}, the run alone gives ${b[t - GAP[1]]}`);
          }
        }
      }
    });
  }
});
