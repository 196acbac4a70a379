// The wasm backend writes outputs through moving tiles in the caller's layout
// (src/backends/wasm.ts): every kernel, with tiles of a few bars, gives the
// same bits as with one tile of every bar, in both layouts, and writes its bars
// in order (so no kernel falls back to whole-series tiles); and the native
// kernels give the same bits in float32 and float64 (v128 lanes and the
// vector float64 -> float32 store change no value).
import { describe, expect, it } from 'vitest';
import { createBackend, WasmBackend, type Backend } from '../dist/backends/index.js';
import { kernelValue } from '../dist/indicators/params.js';
import { INDICATORS, isSourceInput } from '../dist/registry/index.js';
import { selfTestCandles, selfTestParams } from '../dist/runtime/selftest.js';

const T = 301;
const candles = selfTestCandles(T);
// NaN holes, so gaps and segments cross tile edges too.
for (const i of [0, 57, 58, 190]) candles.close[i] = NaN;

function run(backend: Backend, id: string, layout: 'time-major' | 'variant-major', float64: boolean, step = 2) {
  const def = INDICATORS.find((d) => d.id === id)!;
  const base = selfTestParams(def);
  // A few variants: the defaults' smallest values, then a little longer
  // (step 1: consecutive windows, as default grids have).
  const V = 5;
  const params = def.params.map((p) => Float64Array.from({ length: V }, (_, v) => {
    const x = kernelValue(p, base[p.name]!);
    return p.kind === 'int' ? Math.min(x + step * v, p.max ?? Infinity) : x;
  }));
  const Out = float64 ? Float64Array : Float32Array;
  const outputs = def.outputs.map(() => new Out(T * V).fill(-1));
  backend.run({
    kernel: id, t: T, v0: 0, v1: V, float64, outputs, params,
    timeStride: layout === 'time-major' ? V : 1, variantStride: layout === 'time-major' ? 1 : T,
    inputs: def.inputs.map((i) => candles[(isSourceInput(i) ? 'close' : i) as keyof typeof candles]),
  });
  return outputs;
}

// Kernels that compute one variant's whole series at a time run on wasm with
// a tile of every bar (same bits, without the copy's speed-up). None does at
// its defaults: MACDEXT with three 'ema' types runs in lanes, in bar order,
// and only its variants of other MA types take whole-series tiles (below).
const WHOLE_SERIES: string[] = [];

describe('wasm output tiles', () => {
  const big = new WasmBackend(undefined, 2 ** 26);
  const tiny = new WasmBackend(undefined, 7 * 5 * 4);  // a few bars per tile
  for (const layout of ['time-major', 'variant-major'] as const) {
    it(`every kernel, ${layout}: tiles of a few bars = one tile of every bar`, () => {
      for (const def of INDICATORS) {
        for (const float64 of [false, true]) {
          const want = run(big, def.id, layout, float64), got = run(tiny, def.id, layout, float64);
          got.forEach((out, k) => {
            expect(out.includes(-1) && !want[k]!.includes(-1), `${def.id} left values unwritten`).toBe(false);
            expect(Buffer.from(out.buffer).equals(Buffer.from(want[k]!.buffer)), `${def.id} output ${k} ${layout} float64=${float64}`).toBe(true);
          });
        }
      }
      expect(tiny.outOfOrderKernels(), tiny.outOfOrderKernels().join(' ')).toEqual(WHOLE_SERIES);
    });
  }
  it("MACDEXT mixing 'ema' and other MA types: lanes for the EMA variants, whole series for the rest, native's bits", () => {
    const native = createBackend({ name: 'native', file: null });
    const def = INDICATORS.find((d) => d.id === 'momentum.macdext')!;
    const types = ['ema', 'sma', 'ema', 'wma', 'ema', 'ema'];
    const V = types.length;
    const typeColumn = (name: string, type: (v: number) => string) => Float64Array.from({ length: V }, (_, v) => kernelValue(def.params.find((p) => p.name === name)!, type(v)));
    // fast, slow (swapped where fast > slow), signal (1: the line itself), then the three MA types.
    const params = [Float64Array.of(3, 5, 12, 4, 9, 2), Float64Array.of(10, 13, 26, 4, 4, 5), Float64Array.of(1, 3, 9, 2, 1, 4),
      typeColumn('fast_matype', () => 'ema'), typeColumn('slow_matype', (v) => types[v]!), typeColumn('signal_matype', () => 'ema')];
    for (const float64 of [false, true]) {
      const Out = float64 ? Float64Array : Float32Array;
      const job = (outputs: (Float32Array | Float64Array)[]) => ({
        kernel: def.id, t: T, v0: 0, v1: V, float64, outputs, params, timeStride: V, variantStride: 1, inputs: [candles.close],
      });
      const want = def.outputs.map(() => new Out(T * V).fill(-1)), got = def.outputs.map(() => new Out(T * V).fill(-1));
      native.run(job(want));
      tiny.run(job(got));
      want.forEach((w, k) => {
        expect(w.includes(-1)).toBe(false);
        expect(Buffer.from(got[k]!.buffer).equals(Buffer.from(w.buffer)), `output ${k} float64=${float64}`).toBe(true);
      });
      // The EMA variants (signal window 1 included: the line copied through) against MACD's kernel.
      const macd = INDICATORS.find((d) => d.id === 'momentum.macd')!;
      const seedTaLib = kernelValue(macd.params.find((p) => p.name === 'seed')!, 'sma');
      const m = macd.outputs.map(() => new Out(T * V).fill(-1));
      native.run({ ...job(m), kernel: 'momentum.macd', params: [params[0]!, params[1]!, params[2]!, new Float64Array(V).fill(seedTaLib)] });
      for (const v of [0, 2, 4]) {
        for (let t = 0; t < T; t++) {
          expect(Object.is(want[0]![t * V + v], m[0]![t * V + v]), `line v${v} t${t}`).toBe(true);
          if (params[2]![v] !== 1) expect(Object.is(want[1]![t * V + v], m[1]![t * V + v]), `signal v${v} t${t}`).toBe(true);
        }
      }
    }
    expect(tiny.outOfOrderKernels()).toContain('momentum.macdext');
  });

  it('stops inside a block when the cancel flag is raised (read at every tile handed over)', () => {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    // An output that raises the flag once the first tile has been copied into it.
    class Tripwire extends Float32Array {
      override set(from: ArrayLike<number>, offset?: number): void {
        super.set(from, offset);
        Atomics.store(cancel, 0, 1);
      }
    }
    const V = 5, out = new Tripwire(T * V).fill(-1);
    tiny.run({
      kernel: 'ma.ema', t: T, v0: 0, v1: V, float64: false, outputs: [out], params: [Float64Array.of(5, 6, 7, 8, 9)],
      timeStride: V, variantStride: 1, inputs: [candles.close], cancel,
    });
    // The first tile (7 bars) is out, nothing after it: the kernel stopped mid-series.
    expect(out.subarray(0, 7 * V).includes(-1)).toBe(false);
    expect(out.subarray(7 * V).every((x) => x === -1)).toBe(true);
  });

  // Rolling extremes come as rows of a block's windows, the windows of one
  // sparse-table level read two per v128 (asm/primitives.ts extremeRows):
  // ties of +0 and -0 keep the zero native's scalar compare keeps, NaN gaps
  // cut windows alike, and windows 1..40 cross six levels. The first window
  // param runs over consecutive windows; the others repeat a few values, or
  // hold one (ichimoku's common displacement reads its ring of past rows).
  it('rolling extremes: signed-zero ties, gaps and consecutive windows across levels give native bits', () => {
    const native = createBackend({ name: 'native', file: null });
    const wasm = new WasmBackend();
    const T = 400, V = 40;
    // Mostly zeros of random sign, now and then 1 or -1, a NaN every 97 bars.
    const series = (seed: number) => {
      let state = seed + 1;
      return Float64Array.from({ length: T }, (_, t) => {
        state = (state * 16807) % 2147483647;
        if (t % 97 === 50 + seed) return NaN;
        const k = state % 64;
        return k === 0 ? 1 : k === 1 ? -1 : k % 2 === 1 ? -0 : 0;
      });
    };
    const cols: Record<string, Float64Array> = { open: series(0), high: series(1), low: series(2), close: series(3), volume: series(4) };
    const ids = ['structure.min', 'structure.max', 'structure.minmax', 'structure.midpoint', 'structure.midprice', 'structure.pivots',
      'momentum.williams_r', 'trend.donchian', 'trend.chandelier_exit', 'trend.aroon', 'trend.ichimoku'];
    let negativeZeros = 0;
    for (const id of ids) {
      const def = INDICATORS.find((d) => d.id === id)!;
      const base = selfTestParams(def);
      for (const others of ['repeat', 'common'] as const) {
        const params = def.params.map((p, i) => Float64Array.from({ length: V }, (_, v) => {
          if (p.kind !== 'int') return kernelValue(p, base[p.name]!);
          const lo = Math.max(p.min ?? 1, 1);
          return i === 0 ? lo + v : others === 'repeat' ? lo + (v % 7) : lo + 2;
        }));
        for (const float64 of [false, true]) {
          const Out = float64 ? Float64Array : Float32Array;
          const job = (outputs: (Float32Array | Float64Array)[]) => ({
            kernel: id, t: T, v0: 0, v1: V, float64, outputs, params, timeStride: V, variantStride: 1,
            inputs: def.inputs.map((i) => cols[(isSourceInput(i) ? 'close' : i) as string]!),
          });
          const want = def.outputs.map(() => new Out(T * V).fill(-1)), got = def.outputs.map(() => new Out(T * V).fill(-1));
          native.run(job(want));
          wasm.run(job(got));
          got.forEach((out, k) => {
            expect(Buffer.from(out.buffer).equals(Buffer.from(want[k]!.buffer)), `${id} output ${k} ${others} float64=${float64}`).toBe(true);
            negativeZeros += out.filter((x) => Object.is(x, -0)).length;
          });
        }
      }
    }
    expect(negativeZeros, 'the data give -0 results, so the tie rule is exercised').toBeGreaterThan(0);
  });

  // The bands' SMA path measures a window's moments once for the variants
  // of that window next to each other (a grid's mults): windows under and
  // over 16 bars (direct and running sums), a NaN gap, both dtypes.
  it('the bands: neighbouring mults of one window give native bits', () => {
    const native = createBackend({ name: 'native', file: null });
    const wasm = new WasmBackend();
    const windows = [5, 5, 5, 12, 12, 30, 30, 30, 30, 31, 64, 64];
    const mults = [1.5, 2, 3, 2, 2.5, 1, 1.5, 2, 2.5, 2, 0.5, 4];
    const V = windows.length;
    for (const id of ['volatility.bbands', 'volatility.bbands_bandwidth', 'volatility.bbands_percent_b', 'volatility.stddev']) {
      const def = INDICATORS.find((d) => d.id === id)!;
      const base = selfTestParams(def);
      const params = def.params.map((p, i) => Float64Array.from({ length: V }, (_, v) => (i === 0 ? windows[v]! : i === 1 ? mults[v]! : kernelValue(p, base[p.name]!))));
      for (const float64 of [false, true]) {
        const Out = float64 ? Float64Array : Float32Array;
        const job = (outputs: (Float32Array | Float64Array)[]) => ({
          kernel: id, t: T, v0: 0, v1: V, float64, outputs, params, timeStride: V, variantStride: 1, inputs: [candles.close],
        });
        const want = def.outputs.map(() => new Out(T * V).fill(-1)), got = def.outputs.map(() => new Out(T * V).fill(-1));
        native.run(job(want));
        wasm.run(job(got));
        got.forEach((out, k) => expect(Buffer.from(out.buffer).equals(Buffer.from(want[k]!.buffer)), `${id} output ${k} float64=${float64}`).toBe(true));
        expect(want[0]!.some((x) => Number.isFinite(x) && x !== 0)).toBe(true);
      }
    }
  });

  it('every kernel: wasm = native bit for bit, float32 and float64, both layouts', () => {
    const native = createBackend({ name: 'native', file: null });
    const wasm = new WasmBackend();
    for (const def of INDICATORS) {
      for (const [layout, step] of [['time-major', 1], ['variant-major', 2]] as const) {
        for (const float64 of [false, true]) {
          const want = run(native, def.id, layout, float64, step), got = run(wasm, def.id, layout, float64, step);
          got.forEach((out, k) => {
            expect(Buffer.from(out.buffer).equals(Buffer.from(want[k]!.buffer)), `${def.id} output ${k} ${layout} float64=${float64}`).toBe(true);
          });
        }
      }
    }
  });
});
