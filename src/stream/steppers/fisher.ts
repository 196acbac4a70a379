// momentum.fisher, stepped: native/momentum/fisher.h. One channel of the
// highest and lowest hl2 (RollingRange's levels) over the last longest
// window; per variant Ehlers' smoothed position and the Fisher value, both
// from 0 on a run's first full window (fisherValue), the trigger the Fisher
// value before. The log is portableLog, the kernels' own (both builds give
// its bits, which the C library's log may not). Batches run the kernel with
// its state (per variant [S, age, position, Fisher value, the last
// longest window - 1 hl2], kStateHead in native/momentum/fisher.h), whose
// first windows read the bars before the batch from that tail; the channel
// keeps them at its level 0.
import { lastGap, longestOf, paramOf, type Stepper, type StepperContext } from './types.js';
import { Channel, extremeLevels, lanesOf, Layout, spansOf } from './extremes.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high word of a double in u32 (0 on a big-endian machine). */
const HI = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;

/** The double of the 64 bits hi:lo. */
function bits(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[1 - HI] = lo;
  return f64[0]!;
}

const LN2_HI = bits(0x3fe62e42, 0xfee00000), LN2_LO = bits(0x3dea39ef, 0x35793c76);
const LG1 = bits(0x3fe55555, 0x55555593), LG2 = bits(0x3fd99999, 0x9997fa04), LG3 = bits(0x3fd24924, 0x94229359),
  LG4 = bits(0x3fcc71c5, 0x1d8e78af), LG5 = bits(0x3fc74664, 0x96cb03de), LG6 = bits(0x3fc39a09, 0xd078c69f), LG7 = bits(0x3fc2f112, 0xdf3e5244);

/** 2^-e at e + 1022, e in [-1022, 1024]: every exponent portableLog moves out of a normal x (all normal numbers). */
const SCALE = new Float64Array(2047);
for (let e = -1022; e <= 1024; e++) SCALE[e + 1022] = 2 ** -e;

/**
 * portableLog (native/momentum/fisher.h): musl's log.c, operation for
 * operation. The reduced x, whose high word log.c rewrites, is x * 2^-e here,
 * the same bits (a power of 2 moves the exponent alone, and the result is
 * normal): writing a half of a double and reading it whole stalls the load.
 */
export function portableLog(x: number): number {
  f64[0] = x;
  let hx = u32[HI]!;
  let k = 0;
  if (hx < 0x00100000 || hx >>> 31 !== 0) {
    if (x === 0) return -1 / (x * x);  // log(+-0) = -inf
    if (hx >>> 31 !== 0) return (x - x) / 0.0;  // log(-x) = NaN
    k -= 54;  // subnormal: scaled up
    x *= 18014398509481984.0;  // 2^54
    f64[0] = x;
    hx = u32[HI]!;
  } else if (hx >= 0x7ff00000) {
    return x;
  } else if (hx === 0x3ff00000 && u32[1 - HI] === 0) {
    return 0;
  }
  // x reduced into [sqrt(2)/2, sqrt(2)]: its exponent, moved by its mantissa, into k.
  const e = (((hx + (0x3ff00000 - 0x3fe6a09e)) >>> 0) >>> 20) - 0x3ff;
  k += e;
  const f = x * SCALE[e + 1022]! - 1.0;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  const dk = k;
  return s * (hfsq + R) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
}

/** fisherValue: Ehlers' smoothed position of x in [lowest, highest] (0 for an empty range), clamped to ±0.999. */
function fisherValue(x: number, highest: number, lowest: number, prev: number): number {
  const range = highest - lowest;
  const position = range !== 0.0 ? (x - lowest) / range - 0.5 : 0.0;
  const v = 0.66 * position + 0.67 * prev;
  return v > 0.999 ? 0.999 : v < -0.999 ? -0.999 : v;
}

/**
 * The Fisher rows of one bar x whose run holds `run` valid bars: per variant v
 * (its pair at own + 2v of the state) from its window's highest and lowest
 * hl2. A top-level function, not the stepper's closure: V8 folds a closure's
 * captured constants into its optimized code only while one stream of the id
 * exists.
 */
function fisherRow(
  state: Float64Array, own: number, window: Float64Array, x: number, run: number,
  highest: Float64Array, lowest: Float64Array, fOut: Float64Array | null, tOut: Float64Array | null,
): void {
  for (let v = 0, at = own; v < window.length; v++, at += 2) {
    let f = NaN, trigger = NaN;
    const w = window[v]!;
    if (run >= w) {
      const prev = state[at + 1]!;
      if (run > w) trigger = prev;
      const y = fisherValue(x, highest[v]!, lowest[v]!, state[at]!);
      state[at] = y;
      f = state[at + 1] = 0.5 * portableLog((1.0 + y) / (1.0 - y)) + 0.5 * prev;
    }
    if (fOut) fOut[v] = f;
    if (tOut) tOut[v] = trigger;
  }
}

// A column of hl2 for load(), kept for the next (a fresh array of a batch's length costs more than the rest of
// load); load() runs to its end before any other does. Longer batches take a fresh one, so what stays is bounded.
const KEPT_BARS = 1 << 16;
let hl2Buffer = new Float64Array(0);

function hl2Column(bars: number): Float64Array {
  if (bars > KEPT_BARS) return new Float64Array(bars);
  if (hl2Buffer.length < bars) hl2Buffer = new Float64Array(bars);
  return hl2Buffer.subarray(0, bars);
}

/** State: the channel over hl2, then (value, fish) per variant. */
export default function fisher(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const V = ctx.grid.variants;
  const lanes = lanesOf(window), spans = spansOf(window, lanes, 0, V);
  const h = ctx.sourceIndex('high'), l = ctx.sourceIndex('low');
  const layout = new Layout();
  const hl2 = new Float64Array(1);  // the channel's bar: hl2 at index 0
  // The kernel state's tail: the last P hl2 (a window reads P bars before its last).
  const P = Math.max(longestOf(window) - 1, 0), S = 4 + P;
  const ch = new Channel(layout, extremeLevels(longestOf(window)), 0, 0, 0, [0], P);
  const own = layout.take(2 * V);
  const state = new Float64Array(layout.size);
  // Each push, every window's lowest and highest hl2 (NaN while the run is shorter), read by spans as the kernel's rows.
  const lowest = new Float64Array(V), highest = new Float64Array(V);
  return {
    state,
    kernel: {
      perVariant: S,
      length: S * V,
      save(into) {
        const first = into.subarray(0, S);
        first[0] = S;
        first[1] = ch.run(state);
        ch.tail(state, 0, first.subarray(4));
        for (let v = 0; v < V; v++) {
          if (v > 0) into.set(first, S * v);
          into[S * v + 2] = state[own + 2 * v]!;
          into[S * v + 3] = state[own + 2 * v + 1]!;
        }
      },
      load(from, bars, columns) {
        // The channel over hl2 (its bar: hl2 at index 0), then the chains. Its skip() reads the hl2 of the
        // last bars its rings hold and, before them, only where the last gap is.
        const start = Math.max(0, bars - ch.memory), hl2s = hl2Column(bars);
        hl2s.fill(0.0, 0, start);
        const gap = lastGap(columns, [h, l], 0, start);
        if (gap >= 0) hl2s[gap] = NaN;
        for (let i = start; i < bars; i++) hl2s[i] = (columns[h]![i]! + columns[l]![i]!) / 2.0;
        ch.skip(state, [hl2s], 0, bars);
        for (let v = 0; v < V; v++) {
          state[own + 2 * v] = from[S * v + 2]!;
          state[own + 2 * v + 1] = from[S * v + 3]!;
        }
      },
    },
    step(bar, rows) {
      const x = (hl2[0] = (bar[h]! + bar[l]!) / 2.0);
      const run = ch.advance(state, hl2);
      const fOut = rows[0], tOut = rows[1];
      if (run === 0) {
        if (fOut) fOut.fill(NaN);
        if (tOut) tOut.fill(NaN);
        return;
      }
      if (run === 1) state.fill(0.0, own, own + 2 * V);
      ch.row(state, 'range', lowest, highest, 0, V, window, lanes, run, spans);
      fisherRow(state, own, window, x, run, highest, lowest, fOut, tOut);
    },
  };
}
