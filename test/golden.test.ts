// Every covered TA-Lib function and parameter set of the golden fixture,
// on both backends and both dtypes, value for value.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../dist/index.js';
import { GOLDEN, expectedSeries, loadGolden } from './golden/index.js';
import { closeEngines, engineFor, firstMismatch, type BackendName } from './helpers.js';

const golden = loadGolden();
const candleSets = Object.fromEntries(Object.entries(golden.datasets).map(([name, columns]) => [
  name,
  Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)])),
]));
// The absolute tolerance's unit: public's prices sit around 100, the pattern candles' between about 20 and 350.
const PRICE_SCALE: Record<string, number> = { public: 100, patterns: 350, 'patterns-head': 350 };
const covered = golden.cases.filter((c) => GOLDEN[c.function] && (GOLDEN[c.function]!.only?.(c.params) ?? true));

afterAll(closeEngines);

describe('TA-Lib golden fixtures', () => {
  it('covers every indicator whose convention names a TA-Lib function', () => {
    for (const info of listIndicators().filter((i) => !i.aliasOf)) {
      const m = /^TA-Lib (\w+)/.exec(info.convention);
      if (!m) continue;
      expect(GOLDEN[m[1]!]?.id, `${info.id} claims TA-Lib ${m[1]} but has no golden mapping`).toBe(info.id);
      expect(golden.cases.some((c) => c.function === m[1]), `no fixture case for ${m[1]}`).toBe(true);
    }
  });

  for (const backend of ['native', 'wasm'] as BackendName[]) {
    for (const dtype of ['float64', 'float32'] as const) {
      describe(`${backend} ${dtype}`, () => {
        it.each(covered.map((c) => [`${c.function} ${c.label} on ${c.dataset}`, c] as const))('%s', async (_name, c) => {
          const map = GOLDEN[c.function]!;
          const engine = await engineFor(backend);
          const params = map.params(c.params, c.inputMap);
          const info = listIndicators().find((i) => i.id === map.id)!;
          const grid: Record<string, unknown> = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, [v]]));
          if (info.axes.some((a) => a.name === 'source') && !('source' in grid)) grid.source = ['close'];
          const candles = candleSets[c.dataset]!;
          const length = candles.close!.length;
          const scale = PRICE_SCALE[c.dataset]!;
          const r = await engine.compute({ indicator: map.id, candles: candles as never, grid: grid as never, dtype });
          expect(r.variants).toBe(1);
          for (const [talibName, ours] of Object.entries(map.outputs)) {
            const got = r.values(ours);
            const want = expectedSeries(c, talibName, length);
            const [rel, abs] = dtype === 'float64'
              ? [1e-9, (map.absTolerance ?? 0) * scale]
              : [1e-6, Math.max(1e-6 * scale, (map.absTolerance ?? 0) * scale)];
            const at = firstMismatch(got, want, rel, abs);
            expect(at, `${c.function} ${c.label} ${talibName}: bar ${at} got ${got[at]} want ${want[at]}`).toBe(-1);
          }
        });
      });
    }
  }
});
