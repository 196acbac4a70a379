// WMA and HMA windows up to 256 are summed afresh every bar for all windows
// of a block at once (WmaDiagonal in native/ma/common.h), longer ones keep
// compensated running sums. Which one a variant takes depends on its window
// alone: its values do not depend on the other variants of its call, on the
// layout's block width or on the backend, and the WMA stepper sums them the
// same way.
import { afterAll, describe, expect, it } from 'vitest';
import { closeEngines, engineFor, syntheticCandles } from './helpers.js';
import type { ComputeResult } from '../dist/index.js';

afterAll(closeEngines);

const T = 2500;
const candles = syntheticCandles({ t: T, seed: 11 });
// Gaps: runs of 700, 399, 1 and 1,398 bars.
for (const t of [700, 1100, 1102]) for (const k of ['open', 'high', 'low', 'close', 'volume'] as const) candles[k][t] = NaN;
const WINDOWS = [2, 3, 20, 200, 256, 257, 300];
const BESIDE = [...Array.from({ length: 259 }, (_, i) => i + 2), 300, 400];  // 2..260, 300, 400

function sameSeries(label: string, a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let numbers = 0;
  for (let t = 0; t < a.length; t++) {
    if (!Object.is(a[t], b[t])) expect.fail(`${label} bar ${t}: ${a[t]} against ${b[t]}`);
    if (!Number.isNaN(a[t])) numbers++;
  }
  return numbers;
}

describe('WMA and HMA: a variant does not depend on the rest of its call', () => {
  for (const indicator of ['ma.wma', 'ma.hma']) {
    it(`${indicator}: each window alone = beside 2..260, 300, 400, in both layouts, native = wasm`, async () => {
      const output = indicator === 'ma.wma' ? 'wma' : 'hma';
      const request = { indicator, candles, dtype: 'float64' as const };
      const wide: Record<string, { series(o: string, v: number): ArrayLike<number>; indexOf(p: unknown): number; variant(v: number): unknown }> = {};
      for (const backend of ['native', 'wasm'] as const) {
        const engine = await engineFor(backend);
        for (const layout of ['time-major', 'variant-major'] as const) {
          wide[`${backend} ${layout}`] = await engine.compute({ ...request, layout, grid: { window: BESIDE } });
        }
        for (const w of WINDOWS) {
          const alone = await engine.compute({ ...request, grid: { window: [w] } });
          for (const [name, beside] of Object.entries(wide)) {
            if (!name.startsWith(backend)) continue;
            const v = beside.indexOf(alone.variant(0));
            const numbers = sameSeries(`${name} ${indicator} window ${w} alone / beside`, alone.series(output, 0), beside.series(output, v));
            expect(numbers).toBeGreaterThan(T - 3 * 400);
          }
        }
      }
      const native = wide['native time-major']!, wasm = wide['wasm time-major']!;
      for (let v = 0; v < BESIDE.length; v++) sameSeries(`${indicator} native / wasm ${JSON.stringify(native.variant(v))}`, native.series(output, v), wasm.series(output, v));
    });
  }

  it('ma.wma: windows 2, 256 and 257 against their definition, within a few ulps', async () => {
    const x = candles.close;
    for (const backend of ['native', 'wasm'] as const) {
      const r = await (await engineFor(backend)).compute({ indicator: 'ma.wma', candles, dtype: 'float64', grid: { window: [2, 256, 257] } });
      for (let v = 0; v < 3; v++) {
        const n = [2, 256, 257][v]!, y = r.series('wma', v);
        for (let t = 1400; t < T; t += 37) {
          let sum = 0;
          for (let k = 1; k <= n; k++) sum += k * x[t - n + k]!;
          expect(Math.abs(y[t]! - sum / (n * (n + 1) / 2)) / Math.abs(y[t]!)).toBeLessThan(1e-13);
        }
      }
    }
  });
});

/** Stream row `got` at bar t equals compute()'s bit for bit (Object.is); returns how many of its values are numbers. */
function expectRow(backend: string, want: ComputeResult, exp: ArrayLike<number>, got: ArrayLike<number>, t: number): number {
  let numbers = 0;
  for (let v = 0; v < want.variants; v++) {
    if (!Object.is(got[v], exp[t * want.variants + v])) expect.fail(`${backend} ${JSON.stringify(want.variant(v))} bar ${t}: stream ${got[v]}, compute() ${exp[t * want.variants + v]}`);
    if (!Number.isNaN(got[v])) numbers++;
  }
  return numbers;
}

describe('the WMA and HMA steppers sum as the kernels', () => {
  it('steps windows 3, 256, 257 and 300 through gaps and runs shorter than the window, bit for bit', async () => {
    const grid = { source: ['close', 'hl2'], window: [3, 256, 257, 300] };
    const history = Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.slice(0, 10)]));
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      const want = await engine.compute({ indicator: 'ma.wma', candles, grid, dtype: 'float64' });
      const s = await engine.stream({ indicator: 'ma.wma', grid, dtype: 'float64', history });
      expect(s.mode).toBe('stepped');
      const exp = want.values('wma');
      let numbers = 0;
      for (let t = 10; t < T; t++) {
        const row = s.push(Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v[t]!])) as never);
        numbers += expectRow(backend, want, exp, row.values('wma'), t);
      }
      expect(numbers).toBeGreaterThan(1000 * want.variants);
      s.close();
    }
  });
  it('HMA: windows 2 to 256 (hull spans 1 to 16) and above (compensated running WMAs) through gaps and revisions, bit for bit', async () => {
    const grid = { source: ['close', 'hl2'], window: [2, 3, 4, 9, 16, 17, 100, 255, 256, 257, 300, 1100] };
    const history = Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.slice(0, 10)]));
    const bar = (t: number, scale = 1) => Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, k === 'ts_open' ? v[t]! : v[t]! * scale])) as never;
    for (const [backend, dtype] of [['native', 'float64'], ['wasm', 'float32']] as const) {
      const engine = await engineFor(backend);
      const want = await engine.compute({ indicator: 'ma.hma', candles, grid, dtype });
      const s = await engine.stream({ indicator: 'ma.hma', grid, dtype, history });
      expect(s.mode).toBe('stepped');
      const exp = want.values('hma');
      let numbers = 0;
      for (let t = 10; t < T; t++) {
        if (t % 13 === 0) s.push(bar(t, 1.05));  // a forming bar, revised below
        const row = t % 13 === 0 ? s.update(bar(t)) : s.push(bar(t));
        numbers += expectRow(backend, want, exp, row.values('hma'), t);
      }
      expect(numbers).toBeGreaterThan(1000 * want.variants);
      s.close();
    }
  });
});

// The 'wma' MA type of the matype code (TA_MA's WMA) takes ma.wma's values:
// the bands' middle, APO's two averages and their stepper.
describe("the 'wma' MA type is ma.wma", () => {
  const AVERAGED = [2, 3, 20, 200, 256, 257, 300];
  it('BBANDS middle = ma.wma and APO = WMA(fast) - WMA(slow), bit for bit, alone and beside other matypes, native and wasm', async () => {
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      const request = { candles, dtype: 'float64' as const };
      const wma = await engine.compute({ ...request, indicator: 'ma.wma', grid: { window: AVERAGED } });
      const at = (n: number) => wma.series('wma', wma.indexOf({ source: 'close', window: n }));
      const bands = await engine.compute({ ...request, indicator: 'volatility.bbands', grid: { window: AVERAGED, mult: [2], matype: ['wma', 'sma', 'kama'] } });
      for (const n of AVERAGED) {
        const numbers = sameSeries(`${backend} bbands wma middle ${n}`, bands.series('mid', bands.indexOf({ source: 'close', window: n, mult: 2, matype: 'wma' })), at(n));
        expect(numbers).toBeGreaterThan(T - 3 * 400);
      }
      const FAST = [2, 20, 257], SLOW = [3, 200, 256, 300];
      const apo = await engine.compute({ ...request, indicator: 'momentum.apo', grid: { fast: FAST, slow: SLOW, matype: ['wma', 'sma'] } });
      for (const f of FAST) {
        for (const s of SLOW) {
          const fast = at(Math.min(f, s)), slow = at(Math.max(f, s));
          const want = Array.from(fast, (y, t) => (Number.isNaN(slow[t]!) ? NaN : y - slow[t]!));
          const v = apo.indexOf({ source: 'close', fast: f, slow: s, seed: 'sma', matype: 'wma' });
          expect(sameSeries(`${backend} apo wma ${f}/${s}`, apo.series('apo', v), want)).toBeGreaterThan(T - 3 * 400);
        }
      }
    }
  });

  it('the matype WMA lanes step as the kernels: BBANDS and PPO, windows 3 to 300, bit for bit', async () => {
    const history = Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.slice(0, 10)]));
    for (const [indicator, grid, output] of [
      ['volatility.bbands', { window: [3, 256, 257], mult: [2], matype: ['wma'] }, 'mid'],
      ['momentum.ppo', { fast: [2, 20], slow: [256, 300], signal: [3], matype: ['wma'] }, 'signal'],
    ] as const) {
      for (const backend of ['native', 'wasm'] as const) {
        const engine = await engineFor(backend);
        const want = await engine.compute({ indicator, candles, grid, dtype: 'float64' });
        const s = await engine.stream({ indicator, grid, dtype: 'float64', history });
        expect(s.mode).toBe('stepped');
        const exp = want.values(output);
        let numbers = 0;
        for (let t = 10; t < T; t++) {
          const row = s.push(Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v[t]!])) as never);
          numbers += expectRow(`${backend} ${indicator}`, want, exp, row.values(output), t);
        }
        expect(numbers).toBeGreaterThan(1000 * want.variants);
        s.close();
      }
    }
  });
});

// A window alone, or a few sparse ones, is summed for itself (wmaWindowValues
// in native/ma/common.h, asm/ma/common.ts): 16 or 32 bars at a time, two or
// four per vector, the scalar sum for the bars left over. Its values are the
// diagonal's bit for bit wherever the runs and the bar groups are cut.
describe('a window summed alone = the same window in a dense grid', () => {
  const T2 = 1237;  // not a multiple of 2, 4, 16 or 32
  const c2 = syntheticCandles({ t: T2, seed: 23 });
  // Runs [1, 5), [6, 37), [38, 300), [302, 650), [651, 1236): shorter than
  // the windows, a bar group wide, cut at odd offsets; the first and last bars NaN.
  for (const t of [0, 5, 37, 300, 301, 650, 1236]) for (const k of ['open', 'high', 'low', 'close', 'volume'] as const) c2[k][t] = NaN;
  const DENSE = Array.from({ length: 259 }, (_, i) => i + 2);  // 2..260: one diagonal

  it('windows 2, 3, 7, 200, 256 alone, and [7, 200], [3, 256, 300], beside 2..260, native and wasm, float64', async () => {
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      const request = { indicator: 'ma.wma', candles: c2, dtype: 'float64' as const };
      const dense = await engine.compute({ ...request, grid: { source: ['close', 'hlc3'], window: DENSE } });
      const long = await engine.compute({ ...request, grid: { source: ['close', 'hlc3'], window: [300] } });
      for (const windows of [[2], [3], [7], [200], [256], [7, 200], [3, 256, 300]]) {
        const few = await engine.compute({ ...request, grid: { source: ['close', 'hlc3'], window: windows } });
        for (let v = 0; v < few.variants; v++) {
          const p = few.variant(v) as { window: number };
          const beside = p.window > 256 ? long : dense;
          const numbers = sameSeries(`${backend} window ${p.window} of ${JSON.stringify(windows)} ${JSON.stringify(p)}`, few.series('wma', v), beside.series('wma', beside.indexOf(p)));
          if (p.window <= 256) expect(numbers).toBeGreaterThan(T2 - 300 - 4 * p.window);
        }
      }
    }
  });

  it("MACDEXT with three 'wma' averages: the line = ma.wma(fast) - ma.wma(slow), the signal the WMA of the line summed oldest first", async () => {
    const grid = { fast: [2, 7], slow: [3, 200, 256], signal: [3, 9], fast_matype: ['wma'], slow_matype: ['wma'], signal_matype: ['wma'] };
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      const wma = await engine.compute({ indicator: 'ma.wma', candles: c2, dtype: 'float64', grid: { window: [2, 3, 7, 200, 256] } });
      const macd = await engine.compute({ indicator: 'momentum.macdext', candles: c2, dtype: 'float64', grid });
      let checked = 0;
      for (let v = 0; v < macd.variants; v++) {
        const p = macd.variant(v) as { fast: number; slow: number; signal: number };
        // As TA-Lib, fast > slow swaps the two.
        const fast = wma.series('wma', wma.indexOf({ source: 'close', window: Math.min(p.fast, p.slow) }));
        const slow = wma.series('wma', wma.indexOf({ source: 'close', window: Math.max(p.fast, p.slow) }));
        const line = macd.series('macd', v), signal = macd.series('signal', v);
        const n = p.signal, scale = 1 / ((n * (n + 1)) / 2);
        for (let t = 0; t < T2; t++) {
          if (Number.isNaN(line[t]!)) continue;
          if (!Object.is(line[t], fast[t]! - slow[t]!)) expect.fail(`${backend} ${JSON.stringify(p)} line at ${t}: ${line[t]} against ${fast[t]! - slow[t]!}`);
          // The line's previous n bars, all in the run: as the kernels sum them (0 + 1·y[t−n+1] + ... + n·y[t]).
          let acc = 0;
          for (let k = 1; k <= n; k++) acc = acc + k * (fast[t - n + k]! - slow[t - n + k]!);
          if (!Object.is(signal[t], acc * scale)) expect.fail(`${backend} ${JSON.stringify(p)} signal at ${t}: ${signal[t]} against ${acc * scale}`);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(macd.variants * 200);
    }
  });

  it("MACDEXT: a variant's values do not depend on its neighbours, which may share its 'wma' averages, native and wasm", async () => {
    const grid = { fast: [7, 20], slow: [3, 200], signal: [3, 9], fast_matype: ['wma', 'sma'], slow_matype: ['wma', 'ema'], signal_matype: ['wma'] };
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      const request = { indicator: 'momentum.macdext', candles: c2, dtype: 'float64' as const };
      const all = await engine.compute({ ...request, grid });
      for (let v = 0; v < all.variants; v++) {
        const p = all.variant(v) as Record<string, string | number>;
        const alone = await engine.compute({ ...request, grid: Object.fromEntries(Object.entries(p).map(([k, x]) => [k, [x]])) as never });
        for (const output of ['macd', 'signal', 'hist']) {
          const numbers = sameSeries(`${backend} ${JSON.stringify(p)} ${output}`, all.series(output, v), alone.series(output, 0));
          expect(numbers).toBeGreaterThan(200);
        }
      }
    }
  });
});
