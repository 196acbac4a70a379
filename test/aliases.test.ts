// The replaced engine's ids that are outputs of a ta-grid indicator compute
// that indicator, with the old output names, wherever an id is accepted.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type IndicatorInfo } from '../dist/index.js';
import { validateRequest } from '../dist/cluster/plan.js';
import { closeEngines, engineFor, failure, syntheticCandles, type BackendName } from './helpers.js';

afterAll(closeEngines);

/** The list: alias id -> its output names. */
const OLD_IDS: Record<string, string[]> = {
  'ma.lwma': ['lwma'],
  'volume.ad_line': ['ad_line'],
  'trend.linreg_slope': ['slope'],
  'structure.pivot_high': ['pivot_high'],
  'structure.pivot_low': ['pivot_low'],
  'structure.candle_body': ['body'],
  'structure.candle_range': ['range'],
  'structure.candle_upper_wick': ['upper_wick'],
  'structure.candle_lower_wick': ['lower_wick'],
  'structure.candle_body_pct': ['body_pct'],
  'structure.candle_upper_wick_pct': ['upper_wick_pct'],
  'structure.candle_lower_wick_pct': ['lower_wick_pct'],
  'structure.candle_body_atr': ['body_atr'],
  'structure.candle_range_atr': ['range_atr'],
  'structure.candle_upper_wick_atr': ['upper_wick_atr'],
  'structure.candle_lower_wick_atr': ['lower_wick_atr'],
};

const aliases = listIndicators().filter((i) => i.aliasOf);
const info = (id: string) => listIndicators().find((i) => i.id === id)!;

/** Two values of every axis, inside its bounds. */
function smallGrid(i: IndicatorInfo): Record<string, unknown> {
  const grid: Record<string, unknown> = {};
  for (const a of i.axes) grid[a.name] = a.kind === 'source' ? ['close', 'hl2'] : a.kind === 'choice' ? a.values : [a.min! + (a.kind === 'int' ? 2 : 0.1), a.min! + (a.kind === 'int' ? 9 : 0.4)];
  return grid;
}

describe('aliases in the listing', () => {
  it('are exactly the old ids, after the indicators, each naming its target and outputs', () => {
    expect(Object.fromEntries(aliases.map((a) => [a.id, a.outputs.map((o) => o.name)]))).toEqual(OLD_IDS);
    const firstAlias = listIndicators().findIndex((i) => i.aliasOf);
    expect(listIndicators().slice(firstAlias).every((i) => i.aliasOf)).toBe(true);
    for (const a of aliases) {
      const target = info(a.aliasOf!.id);
      expect(target.aliasOf, a.id).toBeUndefined();
      expect(a.axes, a.id).toEqual(target.axes);
      for (const [name, of] of Object.entries(a.aliasOf!.outputs)) {
        expect(a.outputs.find((o) => o.name === name)!.description, `${a.id} ${name}`).toBe(target.outputs.find((o) => o.name === of)!.description);
      }
    }
  });

  it("keep the old engine's param names", () => {
    const axes = (id: string) => info(id).axes.map((a) => a.name);
    // The old names first; ta-grid's own axes (the ATR's seed) after them.
    for (const id of Object.keys(OLD_IDS).filter((k) => k.endsWith('_atr'))) expect(axes(id)).toEqual(['atr_window', 'seed']);
    expect(axes('structure.pivot_high')).toEqual(['left', 'right']);
    expect(axes('structure.pivot_low')).toEqual(['left', 'right']);
    expect(axes('ma.lwma')).toEqual(['source', 'window']);
  });
});

describe.each<BackendName>(['native', 'wasm'])('every alias computes its target (%s)', (backend) => {
  const candles = syntheticCandles({ t: 400, seed: 21, holes: 0.01 });
  for (const id of Object.keys(OLD_IDS)) {
    it(id, async () => {
      const engine = await engineFor(backend);
      const a = info(id);
      const grid = smallGrid(a);
      const got = await engine.compute({ indicator: id, candles, grid: grid as never, dtype: 'float64' });
      const want = await engine.compute({ indicator: a.aliasOf!.id, candles, grid: grid as never, dtype: 'float64', outputs: Object.values(a.aliasOf!.outputs) });
      expect(got.indicator).toBe(id);
      expect(got.outputs).toEqual(OLD_IDS[id]);
      expect(got.axes).toEqual(want.axes);
      expect(got.meta.neverWarm).toBe(want.meta.neverWarm);
      for (const [name, of] of Object.entries(a.aliasOf!.outputs)) {
        const x = got.values(name), y = want.values(of);
        expect(x.length).toBe(y.length);
        for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) expect.fail(`${id} ${name} at ${i}: ${x[i]} vs ${a.aliasOf!.id} ${of} ${y[i]}`);
        expect(x.some((v) => !Number.isNaN(v)), `${id} ${name} has values`).toBe(true);
        for (let v = 0; v < got.variants; v++) expect(got.lookback(name, v)).toBe(want.lookback(of, v));
        expect(got.toArrow().schema.fields.some((f) => f.name.startsWith(`${name}{`)), `${id} Arrow column names`).toBe(true);
      }
    });
  }
});

describe('alias requests', () => {
  const candles = syntheticCandles({ t: 200, seed: 5 });

  it("ma.lwma: values('lwma'), selected by its own name, estimated like ma.wma", async () => {
    const engine = await engineFor('native');
    const r = await engine.compute({ indicator: 'ma.lwma', candles, grid: { window: [5, 9] }, outputs: ['lwma'] });
    expect(r.values('lwma')).toBe(r.values());
    expect(r.lookback('lwma', 1)).toBe(8);
    expect(engine.estimate({ indicator: 'ma.lwma', t: 200, grid: { window: [5, 9] } })).toMatchObject({ t: 200, variants: 2, outputs: 1, bytesOut: 200 * 2 * 4 });
    expect((await failure(() => r.values('wma'))).code).toBe('GRID_VALIDATION');
    expect((await failure(() => r.lookback('wma', 0))).code).toBe('GRID_VALIDATION');
    // The lookback is the grid's, not the buffer's: still there after release().
    r.release();
    expect(r.lookback('lwma', 0)).toBe(4);
  });

  it.each([
    ['a target output name', { indicator: 'ma.lwma', outputs: ['wma'] }, 'GRID_VALIDATION', /ma\.lwma has no output 'wma'; its outputs are lwma/],
    ['an output of another alias of the same target', { indicator: 'structure.pivot_high', outputs: ['pivot_low'] }, 'GRID_VALIDATION', /structure\.pivot_high has no output 'pivot_low'/],
    ['an unknown param', { indicator: 'structure.candle_body_atr', grid: { window: [14] } }, 'GRID_VALIDATION', /structure\.candle_body_atr has no axis 'window'; its axes are atr_window/],
    ['a param out of bounds', { indicator: 'structure.pivot_low', grid: { left: [0] } }, 'GRID_VALIDATION', /structure\.pivot_low: left = 0 is outside its bounds/],
    ['a misspelt alias', { indicator: 'ma.lwmaa' }, 'UNKNOWN_INDICATOR', /unknown indicator 'ma\.lwmaa'/],
  ])('refuses %s with the same code as for an indicator', async (_n, req, code, msg) => {
    const engine = await engineFor('native');
    const e = await failure(engine.compute({ candles, ...req } as never));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(msg);
    const est = await failure(() => engine.estimate({ t: 200, ...req } as never));
    expect(est.code).toBe(code);
    const submit = await failure(() => validateRequest({ candles, ...req }, { workerBudgetBytes: 2 ** 30, shardBytes: 2 ** 26, maxVariants: 1e6 }));
    expect(submit.code).toBe(code);
  });

  it("the cluster's submit plans an alias under its own id and output names", () => {
    const { plan } = validateRequest({ indicator: 'structure.candle_range_atr', candles, grid: { atr_window: [7, 14] } }, { workerBudgetBytes: 2 ** 30, shardBytes: 2 ** 26, maxVariants: 1e6 });
    expect(plan.indicator.id).toBe('structure.candle_range_atr');
    expect(plan.def.id).toBe('structure.candle_stats_atr_norm');
    expect(plan.outputs).toEqual(['range_atr']);
    expect(plan.kernelOutputs).toEqual(['range']);
  });
});
