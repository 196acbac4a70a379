// Choice params: string-valued axes (the `seed` of EMA and Wilder averages),
// validated by value, shown as strings everywhere a client reads params, and
// sent to the kernels as the index of the value.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../dist/index.js';
import { GridValidationError } from '../dist/errors.js';
import { compileFormula, FormulaError } from '../dist/indicators/formula.js';
import { buildGrid } from '../dist/grid/grid.js';
import { getIndicator, outputLookback } from '../dist/registry/index.js';
import { closeEngines, engineFor, syntheticCandles } from './helpers.js';

afterAll(closeEngines);

const ema = getIndicator('ma.ema');
const limits = { maxVariants: 1_000_000 };

describe('choice axes in a grid', () => {
  it('default to one value, so default grids keep their size', () => {
    const g = buildGrid(ema, {}, limits);
    expect(g.axes.map((a) => a.name)).toEqual(['source', 'window', 'seed']);
    expect(g.axes[2]!.values).toEqual(['sma']);
    expect(g.variants).toBe(196);
  });

  it('hold strings in variant params and encode them as indexes for the kernels', () => {
    const g = buildGrid(ema, { window: [5, 9], seed: ['first', 'sma'] }, limits);
    expect([0, 1, 2, 3].map((i) => g.variant(i))).toEqual([
      { source: 'close', window: 5, seed: 'first' }, { source: 'close', window: 5, seed: 'sma' },
      { source: 'close', window: 9, seed: 'first' }, { source: 'close', window: 9, seed: 'sma' },
    ]);
    expect([...g.paramColumn('seed')]).toEqual([1, 0, 1, 0]);
    expect(g.indexOf({ source: 'close', window: 9, seed: 'first' })).toBe(2);
  });

  it.each([
    [{ seed: ['ema'] }, /seed = "ema" is not one of its values; use 'sma' or 'first'/],
    [{ seed: [1] }, /seed = 1 is not one of its values/],
    [{ seed: { start: 0, stop: 1 } }, /is a choice; list its values \('sma', 'first'\)/],
    [{ seed: ['sma', 'sma'] }, /lists "sma" twice/],
    [{ seed: [] }, /is empty/],
  ])('refuses %j with a coded error listing the allowed values', (grid, why) => {
    let err: unknown;
    try { buildGrid(ema, grid, limits); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(GridValidationError);
    expect((err as GridValidationError).code).toBe('GRID_VALIDATION');
    expect((err as Error).message).toMatch(why);
  });

  it('are listed with their values and default', () => {
    const axis = listIndicators().find((i) => i.id === 'ma.ema')!.axes.find((a) => a.name === 'seed')!;
    expect(axis).toMatchObject({ kind: 'choice', values: ['sma', 'first'], default: ['sma'] });
    expect(axis.min).toBeUndefined();
  });
});

describe('a choice that applies only with a value of another axis (onlyWith)', () => {
  const apo = getIndicator('momentum.apo');
  it.each([
    ['momentum.apo', { seed: ['first'], matype: ['sma'] }, /momentum\.apo: seed 'first' applies only with matype 'ema', but the grid also holds matype 'sma'/],
    ['momentum.apo', { seed: ['sma', 'first'], matype: ['ema', 'kama', 't3'] }, /holds matype 'kama', 't3'; request seed 'first' with matype: \['ema'\] in its own grid, or leave seed at 'sma'/],
    // matype left out: PPO's default is 'ema'; a default overridden away from it counts as the grid's.
    ['momentum.ppo', { seed: ['first'], matype: ['wma'] }, /momentum\.ppo: seed 'first' applies only with matype 'ema'/],
  ])('%s refuses %j with a GRID_VALIDATION error naming both axes', (id, grid, why) => {
    let err: unknown;
    try { buildGrid(getIndicator(id), grid, limits); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(GridValidationError);
    expect((err as GridValidationError).code).toBe('GRID_VALIDATION');
    expect((err as Error).message).toMatch(why);
  });

  it('allows the default everywhere and the other values with the allowed ones', () => {
    expect(buildGrid(apo, { seed: ['sma'], matype: ['sma', 'ema', 'mama'] }, limits).variants).toBe(9 * 10 * 3);
    expect(buildGrid(apo, { seed: ['sma', 'first'] }, limits).variants).toBe(9 * 10 * 2);
    expect(buildGrid(apo, { seed: ['first'], matype: ['ema'] }, limits).variant(0)).toMatchObject({ seed: 'first', matype: 'ema' });
  });

  it('is listed with the axis, and refused before any compute', async () => {
    const axis = listIndicators().find((i) => i.id === 'momentum.ppo')!.axes.find((a) => a.name === 'seed')!;
    expect(axis.onlyWith).toEqual({ param: 'matype', values: ['ema'] });
    const engine = await engineFor('wasm');
    const err = await engine.compute({ indicator: 'momentum.apo', candles: syntheticCandles({ t: 50, seed: 1 }), grid: { seed: ['first'], matype: ['dema'] } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GridValidationError);
    expect(() => engine.estimate({ indicator: 'momentum.apo', t: 50, grid: { seed: ['first'], matype: ['dema'] } })).toThrow(/applies only with matype 'ema'/);
  });

  it('keeps default grids as they were: every new matype axis defaults to one value', () => {
    const added: [string, string, string][] = [
      ['volatility.bbands', 'matype', 'sma'], ['volatility.bbands_bandwidth', 'matype', 'sma'], ['volatility.bbands_percent_b', 'matype', 'sma'],
      ['momentum.stoch', 'slowk_matype', 'sma'], ['momentum.stoch', 'slowd_matype', 'sma'], ['momentum.stochf', 'fastd_matype', 'sma'],
      ['momentum.stoch_rsi', 'fastd_matype', 'sma'], ['momentum.ppo', 'matype', 'ema'], ['momentum.apo', 'matype', 'ema'],
    ];
    for (const [id, name, value] of added) {
      const g = buildGrid(getIndicator(id), {}, limits);
      expect(g.axes.find((a) => a.name === name)!.values, `${id} ${name}`).toEqual([value]);
    }
  });
});

describe('lookback formulas over a choice', () => {
  const choices = { seed: ['sma', 'first'] };
  it('test a choice by value', () => {
    const f = compileFormula("if(seed == 'first', 0, window - 1)", ['window', 'seed'], choices);
    expect(f.evaluate({ window: 10, seed: 'sma' })).toBe(9);
    expect(f.evaluate({ window: 10, seed: 'first' })).toBe(0);
    expect(compileFormula("(seed != 'first') * (window - 1)", ['window', 'seed'], choices).evaluate({ window: 4, seed: 'sma' })).toBe(3);
    expect(outputLookback(getIndicator('ma.zlema'), { window: 10, seed: 'first' }, 'zlema')).toBe(4);
    expect(outputLookback(getIndicator('ma.zlema'), { window: 10, seed: 'sma' }, 'zlema')).toBe(13);
  });

  it.each([
    ["seed - 1", /'seed' is a choice/],
    ["if(seed == 'ema', 0, 1)", /'ema' is not a value of 'seed'.*sma, first/],
    ["if(window == 'first', 0, 1)", /'window' is not a choice param/],
    ["if(seed == 1, 0, 1)", /'seed' is a choice.*quoted value/],
    ["if(seed == first, 0, 1)", /must be followed by a quoted value/],
    ["'first'", /may only follow/],
    ["if(seed == 'first', 0)", /if\(\) takes 3 arguments, got 2/],
  ])('refuses %j', (src, why) => {
    expect(() => compileFormula(src, ['window', 'seed'], choices)).toThrow(FormulaError);
    expect(() => compileFormula(src, ['window', 'seed'], choices)).toThrow(why);
  });

  it('needs a string for a tested name', () => {
    expect(() => compileFormula("if(seed == 'first', 0, 1)").evaluate({ seed: 1 })).toThrow(/needs a string for 'seed'/);
  });
});

describe('a result over a choice axis', () => {
  it('shows the strings in params, labels and Arrow columns, and each value computes its convention', async () => {
    const engine = await engineFor('native');
    const candles = syntheticCandles({ t: 60, seed: 3 });
    const r = await engine.compute({ indicator: 'ma.ema', candles, grid: { window: [10], seed: ['sma', 'first'] }, dtype: 'float64' });
    expect(r.variant(1)).toEqual({ source: 'close', window: 10, seed: 'first' });
    expect(r.axes.find((a) => a.name === 'seed')!.values).toEqual(['sma', 'first']);
    expect(r.columnName('ema', 1)).toBe('ema{source=close,window=10,seed=first}');
    expect(r.toArrow().schema.fields.map((f) => f.name)).toContain('ema{source=close,window=10,seed=first}');
    expect(r.lookback('ema', 0)).toBe(9);
    expect(r.lookback('ema', 1)).toBe(0);
    const sma = r.series('ema', 0), first = r.series('ema', 1);
    expect(Number.isNaN(sma[8]!)).toBe(true);
    expect(first[0]).toBe(candles.close[0]);
    // y[t] = (1 − k)·y[t−1] + k·x[t], k = 2/11: the same value up to rounding.
    expect(first[1]).toBeCloseTo((9 / 11) * candles.close[0]! + (2 / 11) * candles.close[1]!, 10);
  });
});

describe.each(['native', 'wasm'] as const)('zero_denominator on flat candles (%s)', (backend) => {
  const t = 40;
  // Constant candles at `price` (100: every range and change is 0; 0: every average is 0 too).
  const flatAt = (price: number) => ({
    ts_open: Float64Array.from({ length: t }, (_, i) => 1_700_000_000_000 + i * 60_000),
    open: new Float64Array(t).fill(price), high: new Float64Array(t).fill(price), low: new Float64Array(t).fill(price),
    close: new Float64Array(t).fill(price), volume: new Float64Array(t).fill(10),
  });
  const window5 = { window: [5] };
  const kd = { k_window: [5], d_window: [3] };
  it.each([
    ['momentum.rsi', window5, 100, ['rsi'], 0],
    ['momentum.cmo', window5, 100, ['cmo'], 0],
    ['momentum.williams_r', window5, 100, ['williams_r'], 0],
    ['momentum.cci', window5, 100, ['cci'], 0],
    ['momentum.stoch', { ...kd, k_smoothing: [3] }, 100, ['k', 'd'], 0],
    ['momentum.stochf', kd, 100, ['k', 'd'], 0],
    ['momentum.stoch_rsi', { rsi_window: [5], ...kd }, 100, ['k', 'd'], 0],
    ['volume.mfi', window5, 100, ['mfi'], 0],
    ['trend.adx', window5, 100, ['adx', 'plus_di', 'minus_di', 'dx'], 0],
    ['momentum.ppo', { fast: [4], slow: [8], signal: [3] }, 0, ['ppo', 'signal', 'hist'], 0],
    // The TA-Lib MA types go another way through the kernels (one variant at a time over whole arrays).
    ['momentum.stoch', { ...kd, k_smoothing: [3], slowk_matype: ['ema'], slowd_matype: ['t3'] }, 100, ['k', 'd'], 0],
    ['momentum.stochf', { ...kd, fastd_matype: ['wma'] }, 100, ['k', 'd'], 0],
    ['momentum.stoch_rsi', { rsi_window: [5], ...kd, fastd_matype: ['kama'] }, 100, ['k', 'd'], 0],
    ['momentum.ppo', { fast: [4], slow: [8], signal: [3], matype: ['sma'] }, 0, ['ppo', 'signal', 'hist'], 0],
    ['momentum.trix', window5, 0, ['trix'], 0],
    ['momentum.roc', window5, 0, ['roc'], 0],
    ['momentum.rocp', window5, 0, ['rocp'], 0],
    ['momentum.rocr', window5, 0, ['rocr'], 0],
    ['momentum.rocr100', window5, 0, ['rocr100'], 0],
  ] as const)("%s: 'talib' writes TA-Lib's number, 'nan' writes NaN", async (id, grid, price, outputs, talib) => {
    const engine = await engineFor(backend);
    const r = await engine.compute({ indicator: id, candles: flatAt(price), grid: { ...grid, zero_denominator: ['talib', 'nan'] } as never, dtype: 'float64' });
    expect(r.variant(1).zero_denominator).toBe('nan');
    for (const output of outputs) {
      const a = r.series(output, 0), b = r.series(output, 1);
      const from = r.lookback(output, 0);
      expect(r.lookback(output, 1)).toBe(from);
      for (let i = 0; i < t; i++) {
        if (i < from) {
          expect(Number.isNaN(a[i]!) && Number.isNaN(b[i]!), `${id} ${output} warm-up bar ${i}`).toBe(true);
          continue;
        }
        expect(a[i], `${id} ${output} talib bar ${i}`).toBe(talib);
        expect(Number.isNaN(b[i]!), `${id} ${output} nan bar ${i}`).toBe(true);
      }
    }
  });
});
