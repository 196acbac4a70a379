// native = wasm = reference on random grids, random lengths (including T below
// the lookback), NaN holes, flat stretches, and tiny and huge prices.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type IndicatorInfo } from '../dist/index.js';
import { closeEngines, derived, engineFor, inputName, firstMismatch, rng, syntheticCandles, allowedGrids } from './helpers.js';
import { referenceArgs } from './reference/common.js';
import { REFERENCES } from './reference/index.js';

afterAll(closeEngines);

const SOURCES = ['open', 'high', 'low', 'close', 'volume', 'hl2', 'hlc3', 'ohlc4', 'hlcc4'];
const SCENARIOS = [
  { name: 'plain', seed: 11, scale: 100, holes: 0, flat: 0 },
  { name: 'NaN holes', seed: 12, scale: 100, holes: 0.02, flat: 0 },
  { name: 'flat stretches', seed: 13, scale: 100, holes: 0, flat: 40 },
  { name: 'huge prices with holes', seed: 14, scale: 3e6, holes: 0.01, flat: 20 },
  { name: 'tiny prices', seed: 15, scale: 1e-4, holes: 0.005, flat: 0 },
];

/** A small random grid inside each axis' bounds, biased to short windows so lookbacks fit. */
function randomGrid(info: IndicatorInfo, r: () => number, t: number): Record<string, unknown> {
  const grid: Record<string, unknown> = {};
  for (const a of info.axes) {
    if (a.kind === 'source') {
      const picked = SOURCES.filter(() => r() < 0.3).slice(0, 3);
      grid[a.name] = picked.length > 0 ? picked : ['close'];
      continue;
    }
    if (a.kind === 'choice') {
      let values = a.values!.filter(() => r() < 0.7);
      if (values.length === 0) values = [a.values![Math.floor(r() * a.values!.length)]!];
      // At most two values of a longer choice (the nine MA types): three such
      // axes would multiply into hundreds of variants per case.
      if (values.length > 2) values = [...new Set([values[Math.floor(r() * values.length)]!, values[Math.floor(r() * values.length)]!])];
      grid[a.name] = values;
      continue;
    }
    // Int params are lengths in bars and may not exceed t.
    const lo = a.min!, hi = a.kind === 'int' ? Math.max(lo, Math.min(a.max!, a.min! + 40, t)) : Math.min(a.max!, a.min! + 40);
    const n = 1 + Math.floor(r() * 3);
    const values = new Set<number>();
    for (let i = 0; i < n; i++) {
      const v = lo + r() * (hi - lo);
      values.add(a.kind === 'int' ? Math.round(v) : Math.round(v * 100) / 100);
    }
    grid[a.name] = [...values];
  }
  return grid;
}

function scaleOf(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) m = Math.max(m, Math.abs(x[i]!));
  return m;
}

describe('parity: native = wasm = reference', () => {
  it('has a reference implementation for every indicator', () => {
    for (const info of listIndicators().filter((i) => !i.aliasOf)) expect(REFERENCES[info.id], info.id).toBeTypeOf('function');
  });

  for (const info of listIndicators().filter((i) => !i.aliasOf)) {
    describe(info.id, () => {
      it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_n, sc) => {
        const native = await engineFor('native');
        const wasm = await engineFor('wasm');
        const r = rng(sc.seed * 7919 + info.id.length);
        for (let round = 0; round < 3; round++) {
          const minT = Math.max(1, ...info.axes.filter((a) => a.kind === 'int').map((a) => a.min!));
          const t = Math.max(minT, round === 0 ? 1 + Math.floor(r() * 30) : 50 + Math.floor(r() * 2500));
          const candles = syntheticCandles({ t, seed: sc.seed * 100 + round, scale: sc.scale, holes: sc.holes, flat: sc.flat });
          const parts = allowedGrids(info, randomGrid(info, r, t));
          const grid = parts.length > 1 ? parts[Math.floor(r() * parts.length)]! : parts[0]!;
          const layout = r() < 0.5 ? 'time-major' : 'variant-major';
          const a = await native.compute({ indicator: info.id, candles, grid: grid as never, dtype: 'float64', layout });
          const b = await wasm.compute({ indicator: info.id, candles, grid: grid as never, dtype: 'float64', layout });
          const f32 = await native.compute({ indicator: info.id, candles, grid: grid as never, dtype: 'float32', layout });
          for (let v = 0; v < a.variants; v++) {
            const params = a.variant(v);
            const inputs = info.inputs.map((i) => {
              return derived(candles, inputName(i, params));
            });
            const ref = REFERENCES[info.id]!(inputs, ...referenceArgs(params));
            const scale = Math.max(...inputs.map(scaleOf), 1e-300);
            info.outputs.forEach((o, k) => {
              const got = a.series(o.name, v), other = b.series(o.name, v), single = f32.series(o.name, v);
              const outScale = Math.max(scaleOf(ref[k]!), 1e-300);
              const ctx = `${info.id} ${sc.name} t=${t} ${JSON.stringify(params)} ${o.name}`;
              let at = firstMismatch(got, other, 1e-12, 1e-12 * outScale);
              expect(at, `${ctx}: native ${got[at]} vs wasm ${other[at]} at bar ${at}`).toBe(-1);
              at = firstMismatch(got, ref[k]!, 1e-9, 1e-9 * Math.max(outScale, scale));
              expect(at, `${ctx}: native ${got[at]} vs reference ${ref[k]![at]} at bar ${at}`).toBe(-1);
              at = firstMismatch(single, ref[k]!, 1e-6, 1e-6 * Math.max(outScale, scale));
              expect(at, `${ctx}: float32 ${single[at]} vs reference ${ref[k]![at]} at bar ${at}`).toBe(-1);
            });
          }
        }
      });
    });
  }
});
