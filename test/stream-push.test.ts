// push() and update() one bar at a time: each field of a candle checked
// (named in the error, the state unchanged), and the steppers of the chains,
// the stochastics, the regressions, the window sums and the rolling extremes
// of trend.* against compute() bit for bit at the edges of their loops
// (gaps, runs shorter than a window, windows sharing a source, revisions).
import { afterAll, describe, expect, it } from 'vitest';
import { closeEngines, engineFor, failure, withoutStepper } from './helpers.js';
import { candles, likeCompute, walk } from './stream-like.js';

afterAll(closeEngines);

const bar = (i: number, close = 100 + i) => ({ ts_open: 1_000 + i, open: close, high: close + 1, low: close - 1, close, volume: 10 });

describe('push(): every field of a candle is checked', () => {
  it('refuses a bad value in any field, read or not, naming it; leaves the state unchanged', async () => {
    const engine = await engineFor('native');
    // hlc3 reads high, low and close; open and volume are still checked.
    const s = await engine.stream({ indicator: 'ma.sma', grid: { source: ['hlc3'], window: [2, 3] }, dtype: 'float64' });
    for (let i = 0; i < 4; i++) s.push(bar(i));
    const before = Buffer.from(s.checkpoint());
    const cases: [Record<string, unknown>, string, string][] = [];
    for (const col of ['open', 'high', 'low', 'close', 'volume']) {
      cases.push([{ [col]: 'x' }, 'INVALID_CANDLES', `${col} must be a number`]);
      cases.push([{ [col]: null }, 'INVALID_CANDLES', `${col} must be a number`]);
      cases.push([{ [col]: Infinity }, 'INVALID_CANDLES', `${col} is Infinity`]);
      cases.push([{ [col]: -Infinity }, 'INVALID_CANDLES', `${col} is -Infinity`]);
    }
    cases.push([{ volume: -1 }, 'INVALID_CANDLES', 'volume is negative']);
    cases.push([{ high: 1, low: 2 }, 'INVALID_CANDLES', 'high 1 is below low 2']);
    // The first bad field in open, high, low, close, volume order is the one named.
    cases.push([{ close: 'x', open: Infinity }, 'INVALID_CANDLES', 'open is Infinity']);
    cases.push([{ close: undefined }, 'MISSING_INPUT', "no 'close'"]);
    cases.push([{ high: undefined, low: undefined }, 'MISSING_INPUT', "no 'high'"]);
    for (const what of ['push', 'update'] as const) {
      for (const [fields, code, message] of cases) {
        const candle = { ...bar(what === 'push' ? 4 : 3), ...fields };
        const f = await failure(() => s[what](candle as never));
        expect(f.code, `${what} ${JSON.stringify(fields)}`).toBe(code);
        expect(f.message).toContain(`${what}(): `);
        expect(f.message).toContain(message);
        expect(Buffer.from(s.checkpoint()).equals(before)).toBe(true);
      }
    }
    // Not read: open and volume may be absent; NaN is a missing value anywhere.
    const clean = await engine.stream({ indicator: 'ma.sma', grid: { source: ['hlc3'], window: [2, 3] }, dtype: 'float64' });
    for (let i = 0; i < 4; i++) clean.push(bar(i));
    const { open: _o, volume: _v, ...hlc } = bar(4);
    expect([...s.push({ ...hlc, extra: 'ignored' } as never).values()]).toEqual([...clean.push({ ...bar(4), open: NaN, volume: NaN }).values()]);
    expect([...s.push({ ...bar(5), close: NaN }).values()]).toEqual([NaN, NaN]);
    s.close();
    clean.close();
  });
});

describe('push(): steppers sharing work between variants, bit for bit', () => {
  // A walk with gaps and a short run, so chains restart and warm up again.
  const shape = (n: number, seed: number) => walk(n, seed).map((x, i) => (i % 23 === 11 || i === 40 ? NaN : x));

  it('ma.t3 and momentum.trix: variants of one window (volume factors, zero_denominator) share one chain per source and seed', async () => {
    const c = candles(shape(70, 3));
    await likeCompute('ma.t3', { source: ['close', 'hl2'], window: [2, 3, 4], vfactor: [0, 0.5, 1], seed: ['sma', 'first'] }, c, { restoreAt: 33 });
    await likeCompute('momentum.trix', { source: ['close', 'low'], window: [2, 3], seed: ['first', 'sma'], zero_denominator: ['nan', 'talib'] }, c, { restoreAt: 47 });
    await likeCompute('ma.tema', { source: ['open', 'close'], window: [3, 2], seed: ['sma', 'first'] }, c, { restoreAt: 21 });
  });

  it('ma.hma: four or two dense windows of one span summed side by side, the others one at a time', async () => {
    // Spans 4 (windows 16..24) and 5 (25..35), in and out of order, with runs long enough to fill them and gaps restarting them.
    const c = candles([...walk(75, 8), NaN, ...walk(12, 9), NaN, ...walk(50, 10)]);
    await likeCompute('ma.hma', { source: ['close', 'hl2'], window: [16, 17, 18, 19, 20, 25, 26, 24, 9, 10, 2, 3, 27, 28, 29, 30, 31] }, c, { restoreAt: 60 });
  });
});

describe('push(): stochastics reading one scan per window length, bit for bit', () => {
  it('momentum.stoch_rsi: every k_window of an RSI from one scan back; momentum.stoch, stochf: one fast %K per k_window', async () => {
    // Flat stretches (an empty range: 0, or NaN under 'nan'), gaps, runs shorter than the windows.
    const close = [...walk(30, 5), 7, 7, 7, 7, 7, 7, 7, 7, NaN, ...walk(8, 6), NaN, ...walk(30, 7)];
    const c = candles(close, undefined, close.map((_, i) => (i >= 30 && i < 38 ? 0 : 1)));
    await likeCompute('momentum.stoch_rsi', { source: ['close', 'hl2'], rsi_window: [2, 3], k_window: [1, 2, 5, 3], d_window: [1, 3], seed: ['sma', 'first'], zero_denominator: ['talib', 'nan'] }, c, { restoreAt: 44 });
    await likeCompute('momentum.stoch', { k_window: [1, 2, 4], k_smoothing: [1, 3], d_window: [1, 2], zero_denominator: ['nan', 'talib'] }, c, { restoreAt: 35 });
    await likeCompute('momentum.stochf', { k_window: [3, 1, 5], d_window: [2, 1], zero_denominator: ['talib', 'nan'] }, c, { restoreAt: 50 });
  });
});

describe('push(): regressions and window sums in one loop per source, bit for bit', () => {
  it('trend.linreg (angle: fdlibm atan in both builds and the stepper), structure.tsf, structure.sum', async () => {
    // Flat (slope 0: angle 0), falling and steep runs (angles near -90 and 90), a gap, a short run.
    const close = [...walk(12, 8), 3, 3, 3, 3, 3, 3, ...Array.from({ length: 10 }, (_, i) => 1e6 - 9e4 * i), NaN, 4, 5, ...Array.from({ length: 12 }, (_, i) => 1e-3 * i * i), ...walk(20, 9)];
    const c = candles(close);
    await likeCompute('trend.linreg', { source: ['close', 'hl2'], window: [2, 3, 5, 9] }, c, { restoreAt: 25 });
    await likeCompute('structure.tsf', { source: ['low', 'close'], window: [5, 2, 9] }, c, { restoreAt: 31 });
    await likeCompute('structure.sum', { source: ['close', 'ohlc4'], window: [2, 7, 3, 12] }, c, { restoreAt: 17 });
  });
});

describe('push(): channel readers sharing windows between variants, bit for bit', () => {
  it('trend.chandelier_exit (one ATR per window and seed), ma.vwma (windows in one loop)', async () => {
    const close = [...walk(25, 10), 9, 9, 9, 9, NaN, ...walk(6, 11), NaN, ...walk(40, 12)];
    const c = candles(close, close.map((_, i) => (i % 9 === 4 ? 0 : 5 + (i % 4))), close.map((_, i) => (i >= 25 && i < 29 ? 0 : 0.5 + (i % 3))));
    await likeCompute('trend.chandelier_exit', { window: [2, 5, 3], mult: [1, 2.5, 3], seed: ['sma', 'first'] }, c, { restoreAt: 40 });
    await likeCompute('ma.vwma', { source: ['close', 'hlc3'], window: [2, 6, 3] }, c, { restoreAt: 27 });
  });
});

describe('update(): rolls a bar back exactly, however often it is revised', () => {
  it('a bar revised any number of times leaves the state (and its committed copy) of the bar pushed once', async () => {
    const close = [...walk(30, 13), NaN, ...walk(5, 14), NaN, NaN, ...walk(40, 15)];
    const c = candles(close);
    const bars = close.map((_, t) => Object.fromEntries(Object.keys(c).map((k) => [k, c[k]![t]!])) as never as Record<string, number>);
    const cases: [string, Record<string, unknown>][] = [
      ['ma.sma', { source: ['close', 'hl2'], window: [2, 3, 9] }],
      ['structure.sum', { window: [2, 5] }],
      ['ma.wma', { source: ['close', 'low'], window: [2, 4, 7] }],
      ['ma.hma', { source: ['close', 'hl2'], window: [2, 4, 9, 16] }],
      ['ma.t3', { window: [2, 3], vfactor: [0.5, 0.7] }],
    ];
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      for (const [indicator, grid] of cases) {
        const once = await engine.stream({ indicator, grid, dtype: 'float64' });
        let revised = await engine.stream({ indicator, grid, dtype: 'float64' });
        for (let t = 0; t < bars.length; t++) {
          const b = bars[t]!;
          const want = [...once.push(b as never).values()];
          // Revisions of every kind: another close, a gap, then the bar itself (twice on every fourth bar).
          revised.push({ ...b, close: b.close! * 1.01, high: b.high! * 1.01 } as never);
          revised.update({ ...b, open: NaN, high: NaN, low: NaN, close: NaN } as never);
          let got = [...revised.update(b as never).values()];
          if (t % 4 === 0) got = [...revised.update(b as never).values()];
          expect(got, `${backend} ${indicator} bar ${t}`).toEqual(want);
          if (t % 10 === 9) {
            // The committed copy is all of the state before the last bar: a restore from it continues the rows.
            expect(Buffer.from(revised.checkpoint()).equals(Buffer.from(once.checkpoint())), `${backend} ${indicator} checkpoint at bar ${t}`).toBe(true);
            const restored = await engine.restoreStream(revised.checkpoint());
            revised.close();
            revised = restored;
          }
        }
        // Then a pushMany, a restore, and a revision of the restored stream's bar.
        const more = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.map((x, i) => (k === 'ts_open' ? x + 1_000 : x * (1 + i * 1e-3)))]));
        await once.pushMany(more);
        await revised.pushMany(more);
        const restored = await engine.restoreStream(revised.checkpoint());
        const next = { ...bars[5]!, ts_open: 3_000 };
        const want = [...once.push(next as never).values()];
        restored.push({ ...next, close: 1 } as never);
        expect([...restored.update(next as never).values()]).toEqual(want);
        expect(Buffer.from(restored.checkpoint()).equals(Buffer.from(once.checkpoint()))).toBe(true);
        once.close();
        revised.close();
        restored.close();
      }
    }
  });
});

describe('batchRoute: how pushMany() and history run their bars', () => {
  it('names the kernel with state, the kernel over a prelude, TypeScript steps and recomputation', async () => {
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      const route = async (indicator: string, grid: Record<string, unknown>) => {
        const s = await engine.stream({ indicator, grid });
        const got = [s.mode, s.batchRoute];
        s.close();
        return got;
      };
      expect(await route('ma.sma', { window: [2, 30] }), backend).toEqual(['stepped', 'kernel']);
      // Windows up to 256: fresh window sums, the kernel over the last bars; a longer one keeps running sums, the kernel's state.
      expect(await route('ma.wma', { window: [2, 256] }), backend).toEqual(['stepped', 'prelude']);
      expect(await route('ma.wma', { window: [2, 257] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('ma.hma', { window: [2, 256] }), backend).toEqual(['stepped', 'prelude']);
      expect(await route('ma.hma', { window: [2, 300] }), backend).toEqual(['stepped', 'steps']);
      // The Hilbert transform: the kernel with its state (the transform and its last 50 prices).
      expect(await route('cycle.ht_sine', {}), backend).toEqual(['stepped', 'kernel']);
      // Path-dependent states: a part per variant of its own length (ADXR, ZLEMA), a lead of the bars before the batch (KAMA, the index family).
      for (const id of ['trend.adxr', 'ma.zlema', 'trend.psar', 'trend.sarext', 'trend.supertrend', 'trend.vortex', 'volatility.accbands', 'volume.vwap_deviation', 'ma.kama', 'structure.minindex', 'structure.maxindex', 'structure.minmaxindex']) {
        expect(await route(id, {}), `${backend} ${id}`).toEqual(['stepped', 'kernel']);
      }
      // The stochastics: the kernel with its running means for 'sma' types, with the TA_MA lanes (matype::Lane) for the
      // other types but WMA and MAMA, whose lanes step.
      expect(await route('momentum.stoch', { k_window: [5, 14] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.stoch', { k_window: [5, 14], slowk_matype: ['sma', 'ema', 'dema', 'tema', 't3', 'trima', 'kama'] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.stochf', { k_window: [5, 14], fastd_matype: ['sma', 'kama', 'trima'] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.stoch', { k_window: [5, 14], slowk_matype: ['sma', 'wma'] }), backend).toEqual(['stepped', 'steps']);
      expect(await route('momentum.stoch', { k_window: [5, 14], slowd_matype: ['mama'] }), backend).toEqual(['stepped', 'steps']);
      // The spreads likewise: emaSpread's state, then the lanes of the variants of other types.
      expect(await route('momentum.apo', { matype: ['ema', 'sma', 'kama', 't3'] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.ppo', { matype: ['trima', 'dema'] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.macdext', { fast_matype: ['ema', 'tema'], signal_matype: ['sma'] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.apo', { matype: ['ema', 'wma'] }), backend).toEqual(['stepped', 'steps']);
      expect(await route('momentum.macdext', { signal_matype: ['mama'] }), backend).toEqual(['stepped', 'steps']);
      expect(await route('momentum.stochf', { k_window: [5, 14] }), backend).toEqual(['stepped', 'kernel']);
      // The bands: the moments' state per source for 'sma', a lane per variant for the other types but WMA and MAMA.
      expect(await route('volatility.bbands', { window: [5, 14] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('volatility.bbands', { window: [5, 14], matype: ['sma', 'ema', 'kama', 'trima'] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('volatility.bbands_percent_b', { matype: ['t3'] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('volatility.bbands', { matype: ['ema', 'wma'] }), backend).toEqual(['stepped', 'steps']);
      expect(await route('volatility.bbands_bandwidth', { matype: ['mama'] }), backend).toEqual(['stepped', 'steps']);
      expect(await route('momentum.stoch_rsi', {}), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.stoch_rsi', { fastd_matype: ['sma', 'ema'] }), backend).toEqual(['stepped', 'steps']);
      expect(await route('trend.chandelier_exit', { window: [5, 22] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.cci', { window: [5, 22] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.fisher', { window: [5, 22] }), backend).toEqual(['stepped', 'kernel']);
      expect(await route('momentum.ultosc', { window3: [28, 40] }), backend).toEqual(['stepped', 'kernel']);
      // An indicator without a stepper recomputes its run.
      expect(await withoutStepper('volatility.bbands', () => route('volatility.bbands', { window: [5] })), backend).toEqual(['recompute', 'recompute']);
    }
  });
});
