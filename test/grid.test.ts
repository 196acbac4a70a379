import { describe, expect, it } from 'vitest';
import { buildGrid, expandRange } from '../dist/grid/grid.js';
import { getIndicator } from '../dist/registry/index.js';

const sma = getIndicator('ma.sma');
const limits = { maxVariants: 1_000_000 };

describe('grid', () => {
  it('expands inclusive integer ranges', () => {
    expect(expandRange('window', { start: 5, stop: 9 }, 100)).toEqual([5, 6, 7, 8, 9]);
    expect(expandRange('window', { start: 5, stop: 10, step: 2 }, 100)).toEqual([5, 7, 9]);
  });

  it('expands float ranges without drift', () => {
    const v = expandRange('mult', { start: 0.1, stop: 1.0, step: 0.1 }, 100);
    expect(v).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]);
    const w = expandRange('mult', { start: 1.5, stop: 3.0, step: 0.25 }, 100);
    expect(w).toEqual([1.5, 1.75, 2, 2.25, 2.5, 2.75, 3]);
    expect(expandRange('x', { start: 0, stop: 100, step: 0.01 }, 1e6).at(-1)).toBe(100);
  });

  it('indexOf() may leave out an axis the grid holds one value of, and names one it needs', () => {
    const ema = getIndicator('ma.ema');
    const one = buildGrid(ema, { source: ['close'], window: [10, 20] }, limits);
    expect(one.axes.map((a) => a.name)).toContain('seed');
    expect(one.indexOf({ source: 'close', window: 20 })).toBe(1);
    expect(one.indexOf({ window: 20 })).toBe(1);
    const both = buildGrid(ema, { source: ['close'], window: [10, 20], seed: ['sma', 'first'] }, limits);
    expect(both.indexOf({ window: 20, seed: 'first' })).toBe(3);
    expect(both.variant(both.indexOf({ window: 20, seed: 'first' }))).toMatchObject({ window: 20, seed: 'first' });
    expect(() => both.indexOf({ window: 20 })).toThrow(/'seed' is missing \(the grid holds 2 values of it\)/);
  });

  it('orders variants row-major with source first and decodes them by mixed radix', () => {
    const g = buildGrid(sma, { window: [10, 20, 30], source: ['hlc3', 'close'] }, limits);
    expect(g.axes.map((a) => a.name)).toEqual(['source', 'window']);
    expect(g.variants).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((i) => g.variant(i))).toEqual([
      { source: 'hlc3', window: 10 }, { source: 'hlc3', window: 20 }, { source: 'hlc3', window: 30 },
      { source: 'close', window: 10 }, { source: 'close', window: 20 }, { source: 'close', window: 30 },
    ]);
    for (let i = 0; i < 6; i++) expect(g.indexOf(g.variant(i))).toBe(i);
    expect(g.indexOf({ source: 'open', window: 10 })).toBe(-1);
    expect(g.sourceRuns()).toEqual([{ sources: { source: 'hlc3' }, v0: 0, v1: 3 }, { sources: { source: 'close' }, v0: 3, v1: 6 }]);
    expect(Array.from(g.paramColumn('window'))).toEqual([10, 20, 30, 10, 20, 30]);
  });

  it('gives two-series indicators a second source axis, after the first, with one run per pair of sources', () => {
    const beta = getIndicator('structure.beta');
    const g = buildGrid(beta, { source2: ['low', 'hl2'], source: ['close', 'high', 'open'], window: [5, 9] }, limits);
    expect(g.axes.map((a) => [a.name, a.kind])).toEqual([['source', 'source'], ['source2', 'source'], ['window', 'int']]);
    expect(g.variants).toBe(12);
    expect(g.variant(7)).toEqual({ source: 'high', source2: 'hl2', window: 9 });
    const runs = g.sourceRuns();
    expect(runs.map((r) => [r.sources.source, r.sources.source2, r.v0, r.v1])).toEqual([
      ['close', 'low', 0, 2], ['close', 'hl2', 2, 4], ['high', 'low', 4, 6], ['high', 'hl2', 6, 8], ['open', 'low', 8, 10], ['open', 'hl2', 10, 12],
    ]);
    for (const r of runs) for (let v = r.v0; v < r.v1; v++) expect(g.variant(v)).toMatchObject(r.sources);
    expect(buildGrid(beta, {}, limits).axes.slice(0, 2).map((a) => a.values)).toEqual([['close'], ['open']]);
    expect(() => buildGrid(beta, { source2: ['close', 'median'] }, limits)).toThrow(/axis 'source2': 'median' is not a source/);
    expect(() => buildGrid(sma, { source2: ['close'] }, limits)).toThrow(/has no axis 'source2'/);
  });

  it('uses registry defaults, then config overrides, for axes left out', () => {
    const g = buildGrid(sma, {}, limits);
    expect(g.axes[0]!.values).toEqual(['close']);
    expect(g.axes[1]!.values[0]).toBe(5);
    expect(g.axes[1]!.values.at(-1)).toBe(200);
    const o = buildGrid(sma, { source: ['open'] }, { ...limits, defaults: { window: [7, 8] } });
    expect(o.variants).toBe(2);
  });

  it.each([
    [{ window: { start: 5, stop: 10, step: 0 } }, 'GRID_VALIDATION', /step must be > 0/],
    [{ window: { start: 5, stop: 10, step: -1 } }, 'GRID_VALIDATION', /step must be > 0/],
    [{ window: { start: 10, stop: 5 } }, 'GRID_VALIDATION', /above stop/],
    [{ window: [] }, 'GRID_VALIDATION', /empty/],
    [{ window: [1] }, 'GRID_VALIDATION', /outside its bounds \[2, 100000\]/],
    [{ window: [100001] }, 'GRID_VALIDATION', /outside its bounds/],
    [{ window: [5.5] }, 'GRID_VALIDATION', /needs integers/],
    [{ window: ['5'] }, 'GRID_VALIDATION', /finite numbers/],
    [{ window: [5, 5] }, 'GRID_VALIDATION', /twice/],
    [{ lenght: [5] }, 'GRID_VALIDATION', /no axis 'lenght'/],
    [{ source: ['closing'] }, 'GRID_VALIDATION', /not a source/],
    [{ window: { start: 2, stop: 1e9 } }, 'GRID_TOO_LARGE', /above maxVariants/],
    [[5, 6], 'GRID_VALIDATION', /object of axis specs/],
  ])('rejects %j with %s', (spec, code, msg) => {
    let err: { code?: string; message?: string } = {};
    try {
      buildGrid(sma, spec, { maxVariants: 10_000 });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe(code);
    expect(err.message).toMatch(msg);
  });

  it('refuses grids with more variants than maxVariants', () => {
    expect(() => buildGrid(sma, { source: ['open', 'close'], window: { start: 5, stop: 14 } }, { maxVariants: 19 })).toThrow(/20 variants, above maxVariants 19/);
  });
});
