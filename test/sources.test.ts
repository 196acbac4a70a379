// TA-Lib's price transforms are ta-grid's derived sources, bit for bit on the
// golden fixture: TYPPRICE = hlc3, MEDPRICE = hl2, WCLPRICE = hlcc4.
import { afterAll, describe, expect, it } from 'vitest';
import { loadCandles } from '../dist/candles/candles.js';
import { loadGolden } from './golden/index.js';
import { closeEngines, engineFor, type BackendName } from './helpers.js';

const golden = loadGolden();
const columns = Object.fromEntries(Object.entries(golden.datasets.public!).map(([k, v]) => [k, Float64Array.from(v)]));
const TRANSFORMS = [['TYPPRICE', 'hlc3'], ['MEDPRICE', 'hl2'], ['WCLPRICE', 'hlcc4']] as const;

function talib(fn: string): number[] {
  const c = golden.cases.find((x) => x.function === fn && x.dataset === 'public')!;
  expect(c.begIndex).toBe(0);
  return c.outputs.outReal!;
}

afterAll(closeEngines);

describe('derived sources are TA-Lib price transforms', () => {
  it.each(TRANSFORMS)('%s = %s', (fn, source) => {
    expect(Array.from(loadCandles(columns).column(source))).toEqual(talib(fn));
  });

  // The same columns reach the kernels: MAX over 2 bars of a source equals MAX over 2 bars of the transform.
  it.each((['native', 'wasm'] as BackendName[]).flatMap((b) => TRANSFORMS.map(([fn, s]) => [b, fn, s] as const)))(
    '%s kernels read %s as %s',
    async (backend, fn, source) => {
      const engine = await engineFor(backend);
      const r = await engine.compute({ indicator: 'structure.max', candles: columns as never, grid: { source: [source], window: [2] }, dtype: 'float64' });
      const x = talib(fn);
      expect(Array.from(r.values('max')).slice(1)).toEqual(x.slice(1).map((v, i) => Math.max(v, x[i]!)));
    },
  );
});
