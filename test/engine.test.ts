import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../dist/index.js';
import { failure, syntheticCandles, testEngineOptions } from './helpers.js';

let engine: Engine;
const candles = syntheticCandles({ t: 600, seed: 3 });

beforeAll(async () => {
  engine = await createEngine(testEngineOptions({ numThreads: 2 }));
  await engine.warmup();
});
afterAll(() => engine.close());

describe('engine.compute', () => {
  it('returns the tensor, axes, variants and meta of a grid', async () => {
    const r = await engine.compute({ indicator: 'ma.sma', candles, grid: { source: ['close', 'hlc3'], window: { start: 5, stop: 7 } } });
    expect(r.t).toBe(600);
    expect(r.variants).toBe(6);
    expect(r.layout).toBe('time-major');
    expect(r.axes).toEqual([{ name: 'source', values: ['close', 'hlc3'] }, { name: 'window', values: [5, 6, 7] }]);
    expect(r.values('sma')).toBeInstanceOf(Float32Array);
    expect(r.values('sma').length).toBe(600 * 6);
    expect(r.variant(4)).toEqual({ source: 'hlc3', window: 6 });
    expect(r.indexOf({ source: 'hlc3', window: 6 })).toBe(4);
    expect(r.meta.backend).toBe('native');
    // SMA(5) of close at bar 10, by hand.
    let s = 0;
    for (let i = 6; i <= 10; i++) s += candles.close[i]!;
    expect(r.at('sma', 10, 0)).toBeCloseTo(s / 5, 3);
    expect(Number.isNaN(r.at('sma', 3, 0))).toBe(true);
  });

  it('computes every pair of sources of a two-series indicator as one grid, each pair on its own columns', async () => {
    const grid = { source: ['close', 'high'], source2: ['open', 'hlc3', 'low'], window: [5, 20] };
    const r = await engine.compute({ indicator: 'structure.correl', candles, grid, dtype: 'float64' });
    expect(r.axes.map((a) => a.name)).toEqual(['source', 'source2', 'window']);
    expect(r.variants).toBe(12);
    for (let v = 0; v < r.variants; v++) {
      const p = r.variant(v);
      const one = await engine.compute({ indicator: 'structure.correl', candles, grid: { source: [p.source], source2: [p.source2], window: [p.window] }, dtype: 'float64' });
      for (let t = 0; t < 600; t++) expect(Object.is(r.at('correl', t, v), one.at('correl', t, 0)), `${JSON.stringify(p)} bar ${t}`).toBe(true);
    }
    // close against high differs from close against open: the second axis reaches the kernel.
    expect(r.at('correl', 100, r.indexOf({ source: 'close', source2: 'open', window: 20 }))).not.toBe(r.at('correl', 100, r.indexOf({ source: 'high', source2: 'open', window: 20 })));
    expect(r.at('correl', 100, r.indexOf({ source: 'close', source2: 'open', window: 20 }))).not.toBe(r.at('correl', 100, r.indexOf({ source: 'close', source2: 'low', window: 20 })));
  });

  it('writes the same values in both layouts and both dtypes', async () => {
    const grid = { source: ['close', 'ohlc4'], window: [14, 30] };
    const tm = await engine.compute({ indicator: 'momentum.rsi', candles, grid, dtype: 'float64' });
    const vm = await engine.compute({ indicator: 'momentum.rsi', candles, grid, dtype: 'float64', layout: 'variant-major' });
    const f32 = await engine.compute({ indicator: 'momentum.rsi', candles, grid, layout: 'variant-major' });
    for (let v = 0; v < 4; v++) {
      for (let t = 0; t < 600; t++) {
        expect(Object.is(tm.at('rsi', t, v), vm.at('rsi', t, v))).toBe(true);
        const a = f32.at('rsi', t, v), b = vm.at('rsi', t, v);
        if (Number.isNaN(b)) expect(a).toBeNaN();
        else expect(Math.abs(a - b)).toBeLessThan(1e-4);
      }
    }
    expect(vm.values('rsi')).toBeInstanceOf(Float64Array);
  });

  it('exports Arrow with ts_open and one column per (output, variant), zero-copy in variant-major layout', async () => {
    const r = await engine.compute({ indicator: 'ma.ema', candles, grid: { window: [10, 20] }, layout: 'variant-major' });
    const table = r.toArrow();
    expect(table.numRows).toBe(600);
    // Every axis is in the name, choice axes (seed) included.
    expect(table.schema.fields.map((f) => f.name)).toEqual(['ts_open', 'ema{source=close,window=10,seed=sma}', 'ema{source=close,window=20,seed=sma}']);
    const col = table.getChild('ema{source=close,window=20,seed=sma}')!.toArray() as Float32Array;
    expect(col.buffer).toBe(r.values('ema').buffer);
    expect(col[100]).toBe(r.at('ema', 100, 1));
    const tm = await engine.compute({ indicator: 'ma.ema', candles, grid: { window: [10, 20] } });
    expect(tm.toArrow().getChild('ema{source=close,window=20,seed=sma}')!.get(100)).toBe(col[100]);
    expect(Number(table.getChild('ts_open')!.get(1))).toBe(candles.ts_open[1]);
  });

  it('writes into a caller-owned buffer and keeps the result a view over it', async () => {
    const est = engine.estimate({ indicator: 'ma.sma', t: 600, grid: { window: [5, 9] } });
    expect(est).toMatchObject({ t: 600, variants: 2, outputs: 1, bytesOut: 600 * 2 * 4 });
    const shared = new SharedArrayBuffer(est.bytesOut);
    const r = await engine.compute({ indicator: 'ma.sma', candles, grid: { window: [5, 9] }, out: shared });
    expect(r.values('sma').buffer).toBe(shared);
    const plain = new ArrayBuffer(est.bytesOut);
    const r2 = await engine.compute({ indicator: 'ma.sma', candles, grid: { window: [5, 9] }, out: plain });
    expect(r2.values('sma').buffer).toBe(plain);
    expect(Array.from(r2.values('sma'))).toEqual(Array.from(r.values('sma')));
    const small = await failure(engine.compute({ indicator: 'ma.sma', candles, grid: { window: [5, 9] }, out: new SharedArrayBuffer(16) }));
    expect(small.code).toBe('INVALID_REQUEST');
    expect(small.message).toMatch(/at least estimate\(\)\.bytesOut/);
  });

  it('selects outputs and gives all-NaN for series shorter than the lookback', async () => {
    const short = syntheticCandles({ t: 5, seed: 9 });
    const r = await engine.compute({ indicator: 'volatility.atr', candles: short, grid: { window: [5] }, outputs: ['atr'] });
    expect(r.outputs).toEqual(['atr']);
    expect(Array.from(r.values('atr')).every(Number.isNaN)).toBe(true);
  });

  it.each([
    ['not an object', () => engine.compute(42 as never), 'INVALID_REQUEST', /request object/],
    ['unknown indicator', () => engine.compute({ indicator: 'ma.nope', candles }), 'UNKNOWN_INDICATOR', /unknown indicator 'ma.nope'/],
    ['near-miss id', () => engine.compute({ indicator: 'rsi', candles }), 'UNKNOWN_INDICATOR', /Did you mean 'momentum.rsi'/],
    ['unknown output', () => engine.compute({ indicator: 'ma.sma', candles, outputs: ['ema'] }), 'GRID_VALIDATION', /no output 'ema'/],
    ['unknown axis', () => engine.compute({ indicator: 'ma.sma', candles, grid: { period: [5] } as never }), 'GRID_VALIDATION', /no axis 'period'/],
    ['bad layout', () => engine.compute({ indicator: 'ma.sma', candles, layout: 'rows' as never }), 'INVALID_REQUEST', /layout must be/],
    ['bad dtype', () => engine.compute({ indicator: 'ma.sma', candles, dtype: 'int8' as never }), 'INVALID_REQUEST', /dtype must be/],
    ['bad candles', () => engine.compute({ indicator: 'ma.sma', candles: { ts_open: [2, 1], close: [1, 2] } }), 'INVALID_CANDLES', /strictly increasing/],
    ['missing input', () => engine.compute({ indicator: 'volatility.atr', candles: { ts_open: [1, 2], close: [1, 2] } }), 'MISSING_INPUT', /no 'high' column/],
  ])('rejects %s', async (_n, call, code, msg) => {
    const e = await failure(call);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(msg);
    // The engine stays usable.
    expect((await engine.compute({ indicator: 'ma.sma', candles, grid: { window: [5] } })).variants).toBe(1);
  });

  it('refuses an oversized grid in estimate() and in compute(), before allocating', async () => {
    const small = await createEngine(testEngineOptions({ maxComputeBytesTotal: 128 * 2 ** 20 }));
    const grid = { source: ['close', 'open', 'high', 'low', 'hl2', 'hlc3'], window: { start: 5, stop: 200 } };
    const est = await failure(() => small.estimate({ indicator: 'ma.sma', t: 525_600, grid }));
    expect(est.code).toBe('COMPUTE_BUDGET_EXCEEDED');
    const bytesOut = 525_600 * 1176 * 4;
    // Outputs, one float64 per variant and param, ts_open + five base columns + two derived sources, scratch on the one thread, 64 MiB.
    const memory = (est.details as { memory: Record<string, number> }).memory;
    expect(memory).toMatchObject({ outputs: bytesOut, params: 1176 * 8, columns: (1 + 5 + 2) * 525_600 * 8, overhead: 64 * 2 ** 20 });
    expect(memory.scratch).toBeGreaterThanOrEqual(3 * 525_600 * 8); // SMA's prefix sums and gap index
    expect(est.details).toMatchObject({ t: 525_600, variants: 1176, bytesOut, bytesTotalEst: Object.values(memory).reduce((a, b) => a + b, 0), maxComputeBytesTotal: 128 * 2 ** 20 });
    // 525,600 candles of plain arrays: refused from the row count, before candles or outputs are touched.
    const huge = { ts_open: { length: 525_600 } as unknown as number[], close: [] as number[] };
    const rss = process.memoryUsage().rss;
    const c = await failure(small.compute({ indicator: 'ma.sma', candles: huge, grid }));
    expect(c.code).toBe('COMPUTE_BUDGET_EXCEEDED');
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 2 ** 20);
    const v = await failure(() => createEngine(testEngineOptions({ maxVariants: 10 })).then((e) => e.estimate({ indicator: 'ma.sma', t: 10, grid })));
    expect(v.code).toBe('GRID_TOO_LARGE');
    await small.close();
  });
});
