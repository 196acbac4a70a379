// ma.sma, stepped: per source, the running prefix pair of the batch kernel
// (prefixSums in native/primitives.h) and a ring of the last maxWindow + 1
// pairs, shared by every window of that source; a window's value is
// prefixWindowSum(...) * (1 / window), as SmaLanes::at computes it.
import { paramOf, ringStepper, type Stepper, type StepperContext } from './types.js';
import { prefixStep, prefixWindowSum } from './primitives.js';

/** State of one source run: [hi, lo, run, pos, ring of (hi, lo) pairs]. */
export default function sma(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const n = Int32Array.from(window);
  const inv = window.map((w) => 1.0 / w);
  const V = ctx.grid.variants;
  const stepper = ringStepper(ctx, {
    head: 2,
    width: 2,
    need: n,  // valid bars ending here (t - lastGap[t]) >= window
    back: n,  // the pair of bar t - window, the prefix before the window
    fill(state, at, slot, x) {
      prefixStep(state, at, x);
      state[slot] = state[at]!;
      state[slot + 1] = state[at + 1]!;
    },
    value(v, _x, state, slot, past) {
      return prefixWindowSum(state[slot]!, state[slot + 1]!, state[past]!, state[past + 1]!) * inv[v]!;
    },
  });
  const { state } = stepper;
  // Per call: a source's pairs in time order (its ring, then one per new bar), and the run length at each new bar.
  let pairs = new Float64Array(0);
  let runAt = new Int32Array(0);
  return {
    ...stepper,
    // The source's prefix pairs first (what fill() does bar by bar), then
    // every window from them, bar-major as step() writes its rows.
    stepMany(columns, from, to, outputs) {
      const out = outputs[0] ?? null;
      const m = to - from;
      for (const r of stepper.runs) {
        const R = r.ring, ring = r.at + 4;
        if (pairs.length < 2 * (R + m)) pairs = new Float64Array(2 * (R + m));
        if (runAt.length < m) runAt = new Int32Array(m);
        // Pair R - 1 is the last bar's (the slot at pos), pair R - 1 - j the one j bars before it.
        let pos = state[r.at + 3]! | 0;
        for (let j = 0, s = pos; j < R; j++, s = s === 0 ? R - 1 : s - 1) {
          pairs[2 * (R - 1 - j)] = state[ring + 2 * s]!;
          pairs[2 * (R - 1 - j) + 1] = state[ring + 2 * s + 1]!;
        }
        const col = columns[r.src]!;
        let run = state[r.at + 2]!;
        for (let i = 0; i < m; i++) {
          const x = col[from + i]!;
          run = x !== x ? 0 : (run + 1) | 0;
          prefixStep(state, r.at, x);
          pairs[2 * (R + i)] = state[r.at]!;
          pairs[2 * (R + i) + 1] = state[r.at + 1]!;
          runAt[i] = run;
        }
        state[r.at + 2] = run;
        pos = (pos + m) % R;
        state[r.at + 3] = pos;
        for (let j = 0, s = pos; j < R; j++, s = s === 0 ? R - 1 : s - 1) {
          state[ring + 2 * s] = pairs[2 * (R + m - 1 - j)]!;
          state[ring + 2 * s + 1] = pairs[2 * (R + m - 1 - j) + 1]!;
        }
        if (!out) continue;
        for (let i = 0; i < m; i++) {
          const o = i * V, b = 2 * (R + i), hi = pairs[b]!, lo = pairs[b + 1]!, run = runAt[i]!;
          for (let v = r.v0; v < r.v1; v++) {
            const w = n[v]!;
            out[o + v] = run < w ? NaN : prefixWindowSum(hi, lo, pairs[b - 2 * w]!, pairs[b - 2 * w + 1]!) * inv[v]!;
          }
        }
      }
    },
  };
}
