// volume.vwap_deviation, stepped: native/volume/vwap_deviation.h. Per
// distinct window (mult only scales the bands), the WeightedMoments of
// native/primitives.h: the moments of the current chunk of `window` points,
// and those of every suffix of the chunk before it, made by one backward
// pass when a chunk starts (O(1) amortized per bar); a window's moments
// merge a suffix with the current chunk. Shared: the count of valid bars and
// the typical price and volume of the last maxWindow + 1 bars. pushMany()
// runs the kernel after the stream's last bars (vwapDeviationKernelState).
import { leadKernelState, longestOf, paramOf, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import { typicalPrice } from './flows.js';

/** Moments.add (native/primitives.h) on (weight, mean, m2) at m[at]: West's update; a point of weight 0 changes nothing. */
function addPoint(m: Float64Array, at: number, x: number, w: number): void {
  if (w === 0.0) return;
  const weight = m[at]! + w;
  const d = x - m[at + 1]!;
  const mean = m[at + 1]! + d * (w / weight);
  m[at] = weight;
  m[at + 1] = mean;
  m[at + 2] = m[at + 2]! + w * d * (x - mean);
}

/** Moments::merge of a at m[a] followed by b at m[b], into r at m[r]. */
function mergeInto(m: Float64Array, a: number, b: number, r: number): void {
  const aw = m[a]!, bw = m[b]!;
  if (bw === 0.0) m.copyWithin(r, a, a + 3);
  else if (aw === 0.0) m.copyWithin(r, b, b + 3);
  else {
    const weight = aw + bw, d = m[b + 1]! - m[a + 1]!;
    const mean = m[a + 1]! + d * (bw / weight);
    const m2 = (m[a + 2]! + m[b + 2]!) + d * d * (aw * (bw / weight));
    m[r] = weight;
    m[r + 1] = mean;
    m[r + 2] = m2;
  }
}

export default function vwapDeviation(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window'), mult = paramOf(ctx, 'mult');
  const [h, l, c, vol] = (['high', 'low', 'close', 'volume'] as const).map((s) => ctx.sourceIndex(s));
  // Per distinct window: [chunk weight, mean, m2, chunk position, the window's moments (3), tail of 3n];
  // then [valid bars, ring position, ring of R (tp, volume)].
  let size = 0;
  const groups = [...new Set(window)].map((n) => {
    const g = { n, at: size, variants: Int32Array.from([...window.keys()].filter((v) => window[v] === n)) };
    size += 7 + 3 * n;
    return g;
  });
  const R = longestOf(window) + 1, ringAt = size, ring = ringAt + 2;
  const state = new Float64Array(size + 2 + 2 * R);
  return {
    state,
    kernel: vwapDeviationKernelState(state, groups, window, ringAt, R, [h!, l!, c!, vol!]),
    step(bar, rows) {
      const vwapOut = rows[0] ?? null, upperOut = rows[1] ?? null, lowerOut = rows[2] ?? null, stdevOut = rows[3] ?? null;
      const high = bar[h!]!, low = bar[l!]!, close = bar[c!]!, volume = bar[vol!]!;
      if (!(high === high && low === low && close === close && volume === volume)) {
        state[ringAt] = 0;
        for (const o of rows) o?.fill(NaN);
        return;
      }
      const run = state[ringAt]! + 1;  // points pushed since the run's reset, this one included
      let pos = state[ringAt + 1]! + 1;
      if (pos === R) pos = 0;
      state[ringAt] = run;
      state[ringAt + 1] = pos;
      const tp = typicalPrice(high, low, close);
      state[ring + 2 * pos] = tp;
      state[ring + 2 * pos + 1] = volume;
      for (const { n, at, variants } of groups) {
        const head = at, win = at + 4, tail = at + 7;
        if (run === 1) state.fill(0.0, at, at + 4);
        if (state[at + 3] === 0) {
          // A chunk starts: the suffixes of the last one (points t-n .. t-1), summed from its end.
          if (run > 1) {
            state.fill(0.0, win, win + 3);
            for (let i = n - 1; i >= 0; i--) {
              const ago = n - i, p = ring + 2 * (pos >= ago ? pos - ago : pos - ago + R);
              addPoint(state, win, state[p]!, state[p + 1]!);
              state.copyWithin(tail + 3 * i, win, win + 3);
            }
          }
          state.fill(0.0, head, head + 3);
        }
        addPoint(state, head, tp, volume);
        const from = state[at + 3]! + 1;  // the window starts at point `from` of the previous chunk
        state[at + 3] = from === n ? 0 : from;
        if (run > n && from < n) mergeInto(state, tail + 3 * from, head, win);
        else state.copyWithin(win, head, head + 3);
        const weight = state[win]!, mean = state[win + 1]!;
        const blank = run < n || weight === 0.0;
        const sd = Math.sqrt(state[win + 2]! / weight);
        // Each NaN a store of its own: `blank ? NaN : value` stored was boxed per variant (6 KB a push).
        for (let k = 0; k < variants.length; k++) {
          const v = variants[k]!;
          if (blank) {
            if (vwapOut) vwapOut[v] = NaN;
            if (upperOut) upperOut[v] = NaN;
            if (lowerOut) lowerOut[v] = NaN;
            if (stdevOut) stdevOut[v] = NaN;
            continue;
          }
          const band = mult[v]! * sd;
          if (vwapOut) vwapOut[v] = mean;
          if (upperOut) upperOut[v] = mean + band;
          if (lowerOut) lowerOut[v] = mean - band;
          if (stdevOut) stdevOut[v] = sd;
        }
      }
    },
  };
}

/**
 * The kernel state (native/volume/vwap_deviation.h; LeadState, as
 * leadKernelState lays it out), per variant: [lead, age, the last window's
 * moments, the chunk's position and moments, the tail of 3 window numbers]:
 * its group's numbers in the kernel's order. The call's first `lead` bars
 * (the longest window: a chunk starting after them reads the chunk before
 * from the call) are the stream's last bars (streamKeepsTail); load() takes the groups' numbers back
 * and turns the ring of typical prices and volumes over the batch's last
 * valid bars, as step() fills it.
 */
function vwapDeviationKernelState(
  state: Float64Array, groups: readonly { n: number; at: number; variants: Int32Array }[], window: Float64Array, ringAt: number, R: number, inputs: readonly number[],
): KernelStateMap {
  const V = window.length, longest = longestOf(window);
  const groupOf = new Int32Array(V);
  groups.forEach((g, i) => g.variants.forEach((v) => (groupOf[v] = i)));
  // A group at `at` as the kernel orders it: the window's moments (at + 4), the chunk's position (at + 3) and moments (at), the tail (at + 7).
  const toKernel = (g: { n: number; at: number }, into: Float64Array, to: number) => {
    into.set(state.subarray(g.at + 4, g.at + 7), to);
    into[to + 3] = state[g.at + 3]!;
    into.set(state.subarray(g.at, g.at + 3), to + 4);
    into.set(state.subarray(g.at + 7, g.at + 7 + 3 * g.n), to + 7);
  };
  const map = leadKernelState(V, 7 + 3 * longest, longest, () => state[ringAt]!, {
    save(v, into, at) {
      toKernel(groups[groupOf[v]!]!, into, at);
    },
    load(from, bars, columns) {
      const S = 9 + 3 * longest;
      for (const g of groups) {
        const at = S * g.variants[0]! + 2;
        state.set(from.subarray(at, at + 3), g.at + 4);
        state[g.at + 3] = from[at + 3]!;
        state.set(from.subarray(at + 4, at + 7), g.at);
        state.set(from.subarray(at + 7, at + 7 + 3 * g.n), g.at + 7);
      }
      state[ringAt] = from[1]!;
      // The ring: one slot per valid bar, the last R of them.
      const [h, l, c, vol] = inputs.map((k) => columns[k]!);
      const valid = (i: number) => h![i] === h![i] && l![i] === l![i] && c![i] === c![i] && vol![i] === vol![i];
      let count = 0;
      for (let i = 0; i < bars; i++) if (valid(i)) count++;
      const pos = (state[ringAt + 1]! + count) % R, ring = ringAt + 2;
      state[ringAt + 1] = pos;
      for (let i = bars - 1, back = 0; i >= 0 && back < Math.min(count, R); i--) {
        if (!valid(i)) continue;
        const slot = ring + 2 * (pos >= back ? pos - back : pos - back + R);
        state[slot] = typicalPrice(h![i]!, l![i]!, c![i]!);
        state[slot + 1] = vol![i]!;
        back++;
      }
    },
    streamKeepsTail: true,
  });
  return map;
}
