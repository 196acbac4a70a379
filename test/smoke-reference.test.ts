// The reference values perf-smoke ships with are checked here against the
// naive reference implementations, so a deploy check never trusts values
// that only the kernels themselves produced.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listIndicators } from '../dist/index.js';
import { SMOKE_REFERENCE, smokeCandles, smokeGrid } from '../dist/cli/perf-smoke.js';
import { buildGrid } from '../dist/grid/grid.js';
import { loadCandles } from '../dist/candles/candles.js';
import { getIndicator } from '../dist/registry/index.js';
import { referenceArgs } from './reference/common.js';
import { REFERENCES } from './reference/index.js';
import { inputName } from './helpers.js';

const shipped = JSON.parse(readFileSync(SMOKE_REFERENCE, 'utf8')) as Record<string, Record<string, (number | null)[][]>>;
const candles = loadCandles(smokeCandles());
const SAMPLE_EVERY = 509;

describe('perf-smoke reference values', () => {
  it('cover every indicator (regenerate with npm run smoke:reference)', () => {
    expect(Object.keys(shipped).sort()).toEqual(listIndicators().filter((i) => !i.aliasOf).map((i) => i.id).sort());
  });

  for (const info of listIndicators().filter((i) => !i.aliasOf)) {
    it(`${info.id} matches the naive reference`, () => {
      const def = getIndicator(info.id);
      const grid = buildGrid(def, smokeGrid(def), { maxVariants: 1e6 });
      for (let v = 0; v < grid.variants; v++) {
        const params = grid.variant(v);
        const inputs = def.inputs.map((i) => candles.column(inputName(i, params) as never));
        const ref = REFERENCES[info.id]!(inputs, ...referenceArgs(params));
        def.outputs.forEach((o, k) => {
          const row = shipped[info.id]![o.name]![v]!;
          const bars = [...Array.from({ length: Math.ceil(candles.t / SAMPLE_EVERY) }, (_, i) => i * SAMPLE_EVERY), candles.t - 1];
          bars.forEach((t, j) => {
            const want = ref[k]![t]!, got = row[j];
            const ok = Number.isNaN(want) ? got === null : typeof got === 'number' && Math.abs(got - want) <= 1e-8 * Math.max(1, Math.abs(want));
            if (!ok) expect.fail(`${info.id} ${o.name} ${JSON.stringify(params)} bar ${t}: shipped ${got}, reference ${want}`);
          });
        });
      }
    });
  }
});
