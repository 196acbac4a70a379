// The candlestick patterns' kernel state (native/pattern/common.h, namespace
// state): [lead, age, totals, locals, ring]. A call starts at bar `lead` (the
// bars before it are read, not computed: a stream steps them itself) and
// goes on from the run the state describes. These check, for every pattern
// on both backends and in both dtypes, that a series cut into calls chained
// through the state (each call reading `lead` bars before its cut) gives the
// bits of one call over all of it: cuts mid-seed, at and after gaps, in runs
// shorter than the lookback, with a lead above the lookback; and that the
// state after the last bar is the same. The streams' side (pushMany and
// history against push() and compute()) is in stream-pushmany.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, WasmBackend, type Backend } from '../dist/backends/index.js';
import { listIndicators } from '../dist/index.js';
import type { StreamCandle } from '../dist/index.js';
import { closeEngines, engineFor, rng, syntheticCandles } from './helpers.js';

afterAll(closeEngines);

const T = 300;
// Gaps: a lone bar, a pair, and runs of 3 and 6 valid bars between gaps (shorter than every lookback but the shortest).
const GAPS = [40, 41, 97, 101, 108, 150, 222];
const STATE_FIXED = 2 + 45 + 3;

/**
 * Open, high, low, close of a random walk, NaN at the gaps: opens and half
 * the closes on a coarse tick (equal prices, flat bars and doji occur), the
 * other closes, highs and lows off it, shadows of very different lengths
 * (a total rolled over many bars is not the fresh sum of its window, so
 * carrying the wrong one shows).
 */
function candles(seed: number): Float64Array[] {
  const r = rng(seed);
  const o = new Float64Array(T), h = new Float64Array(T), l = new Float64Array(T), c = new Float64Array(T);
  let p = 100;
  const tick = (x: number) => Math.round(x * 4) / 4;
  for (let i = 0; i < T; i++) {
    o[i] = tick(p);
    const move = p + (r() - 0.5) * 6;
    c[i] = r() < 0.15 ? o[i]! : r() < 0.5 ? tick(move) : move;
    // Shadows from 0.001 to 100: sums of such differ with the order of their additions.
    h[i] = Math.max(o[i]!, c[i]!) + 10 ** (r() * 5 - 3);
    l[i] = Math.min(o[i]!, c[i]!) - 10 ** (r() * 5 - 3);
    p = c[i]!;
  }
  for (const g of GAPS) o[g] = h[g] = l[g] = c[g] = NaN;
  return [o, h, l, c];
}

const patterns = listIndicators().filter((x) => x.id.startsWith('pattern.'));

interface Setup {
  id: string;
  lookback: number;
  params: Float64Array[];
  V: number;
}

function setups(): Setup[] {
  return patterns.map((info) => {
    const penetration = info.axes.some((a) => a.name === 'penetration');
    const params = penetration ? [Float64Array.of(0, 0.3, 0.5)] : [];
    return { id: info.id, lookback: Number(info.lookback), params, V: penetration ? 3 : 1 };
  });
}

/** One call over bars [from - lead, to) (NaN before bar 0) with variants [v0, v1); rows from bar `from` on. */
function call(b: Backend, s: Setup, x: Float64Array[], from: number, to: number, lead: number, v0: number, v1: number, float64: boolean, state?: { input: Float64Array; output: Float64Array | null }): Float32Array | Float64Array {
  const n = to - from + lead;
  const inputs = x.map((col) => Float64Array.from({ length: n }, (_, i) => (from - lead + i >= 0 ? col[from - lead + i]! : NaN)));
  const out = new (float64 ? Float64Array : Float32Array)(n * s.V).fill(-1);
  b.run({ kernel: s.id, inputs, t: n, params: s.params, v0, v1, outputs: [out], float64, timeStride: s.V, variantStride: 1, state: state && { ...state, perVariant: 0 } });
  return out.subarray(lead * s.V);
}

const backends: [string, () => Backend][] = [
  ['native', () => createBackend({ name: 'native', file: null })],
  ['wasm', () => createBackend({ name: 'wasm', file: null })],
  // Tiles of a few bars: the lead's NaN rows and the state cross tile moves as well.
  ['wasm, small tiles', () => new WasmBackend(undefined, 3 * 16 * 8)],
];

describe('patterns: a series cut into calls chained through the kernel state = one call over all of it', () => {
  for (const [name, make] of backends) {
    it(name, () => {
      const b = make();
      setups().forEach((s, n) => {
        const x = candles(1 + n);
        // Small tiles: float32 alone (the cuts are the same).
        for (const float64 of name.includes('tiles') ? [false] : [true, false]) {
          const whole = call(b, s, x, 0, T, 0, 0, s.V, float64);
          // The lead: the lookback itself, or longer (on every other pattern).
          const lead = s.lookback + (n % 2) * 3;
          const L = STATE_FIXED + 4 * (lead + 1);
          const fresh = () => Float64Array.of(lead, ...new Array<number>(L - 1).fill(0));
          const end = new Float64Array(L);
          const once = call(b, s, x, 0, T, lead, 0, s.V, float64, { input: fresh(), output: end });
          for (let i = 0; i < T * s.V; i++) if (!Object.is(once[i], whole[i])) expect.fail(`${name} ${s.id} float64=${float64}: bar ${Math.floor(i / s.V)}: ${once[i]} with a state, ${whole[i]} without`);
          // Cuts: after a few bars, mid-seed, at and after gaps, inside runs shorter than the lookback, in long runs, near the end.
          for (const cuts of [[3], [s.lookback - 1, s.lookback, s.lookback + 1], [40, 41, 42], [99, 104, 109], [150, 160], [70, 90, 250, 280], [100, 223, 299]]) {
            let state = fresh();
            const got = new Float64Array(T * s.V);
            let from = 0;
            for (const to of [...cuts, T]) {
              const next = new Float64Array(L);
              if (s.V > 1) {
                // Two chunks of the run, the first giving the state back.
                const a = call(b, s, x, from, to, lead, 0, 1, float64, { input: state, output: next });
                const rest = call(b, s, x, from, to, lead, 1, s.V, float64, { input: state, output: null });
                for (let i = 0; i < (to - from) * s.V; i++) got[from * s.V + i] = i % s.V < 1 ? a[i]! : rest[i]!;
              } else got.set(call(b, s, x, from, to, lead, 0, 1, float64, { input: state, output: next }), from * s.V);
              state = next;
              from = to;
            }
            for (let i = 0; i < T * s.V; i++) {
              if (!Object.is(got[i], whole[i])) expect.fail(`${name} ${s.id} float64=${float64} cuts ${cuts}: bar ${Math.floor(i / s.V)} variant ${i % s.V}: ${got[i]} chained, ${whole[i]} in one call`);
            }
            expect(Array.from(state), `${name} ${s.id} cuts ${cuts}: the state after the last bar`).toEqual(Array.from(end));
          }
        }
      });
    });
  }

  it('a state the kernel cannot go on from is refused: shorter than its ring, or a lead below the lookback', () => {
    const b = createBackend({ name: 'native', file: null });
    const s = setups().find((x) => x.id === 'pattern.doji')!;
    const x = candles(1);
    const state = (lead: number, length: number) => ({ input: Float64Array.of(lead, ...new Array<number>(length - 1).fill(0)), output: new Float64Array(length) });
    expect(() => call(b, s, x, 50, 80, 10, 0, 1, true, state(10, STATE_FIXED + 4 * 10))).toThrow(/status 2/);
    expect(() => call(b, s, x, 50, 80, 9, 0, 1, true, state(9, STATE_FIXED + 4 * 11))).toThrow(/status 2/);
    const w = createBackend({ name: 'wasm', file: null });
    expect(() => call(w, s, x, 50, 80, 9, 0, 1, true, state(9, STATE_FIXED + 4 * 11))).toThrow();
  });
});

describe('pattern streams: batches shorter than, as long as and just longer than the lead keep the contract of push()', () => {
  const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
  // Lookbacks 2, 10 and 12; hikkake_mod carries locals, evening_star a penetration per variant.
  const ids = ['pattern.engulfing', 'pattern.hikkake_mod', 'pattern.evening_star'];
  ids.forEach((id, n) => {
    it(id, async () => {
      const lookback = Number(patterns.find((x) => x.id === id)!.lookback);
      const engine = await engineFor(n % 2 === 0 ? 'native' : 'wasm');
      const c = syntheticCandles({ t: 400, seed: 5 + n, holes: 0.01, flat: 3 });
      const bar = (i: number): StreamCandle => ({ ts_open: c.ts_open[i]!, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]!, volume: c.volume[i]! });
      const part = (from: number, to: number) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.subarray(from, to)]));
      const grid = id === 'pattern.evening_star' ? { penetration: [0, 0.3, 0.5] } : {};
      const a = await engine.stream({ indicator: id, grid, history: part(0, 3) });
      const b = await engine.stream({ indicator: id, grid });
      for (let i = 0; i < 3; i++) b.push(bar(i));
      let from = 3;
      // Batch lengths around the lead (the batch's last bar goes as a push: n - 1 bars through the kernel route).
      for (const len of [1, 2, lookback, lookback + 1, lookback + 2, 40, 3, lookback + 2, 120]) {
        const got = await a.pushMany(part(from, from + len));
        for (let i = from; i < from + len; i++) {
          const want = b.push(bar(i)).values('signal');
          for (let v = 0; v < want.length; v++) {
            const g = got.values('signal')[(i - from) * want.length + v];
            if (!Object.is(g, want[v])) expect.fail(`${id} batch of ${len} at bar ${i} variant ${v}: pushMany ${g}, push ${want[v]}`);
          }
        }
        expect(sameBytes(a.checkpoint(), b.checkpoint()), `${id} after a batch of ${len} ending at bar ${from + len - 1}`).toBe(true);
        from += len;
      }
      a.close();
      b.close();
    });
  });
});
