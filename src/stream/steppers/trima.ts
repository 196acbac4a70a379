// ma.trima, stepped: native/ma/trima.h, SMA(SMA(x, inner), outer) with
// inner + outer = window + 1. Per source, ma.sma's compensated prefix pair
// and a ring of the last maxWindow + 1 pairs, shared by every window (an
// inner mean is prefixWindowSum / inner); per variant, the outer running sum
// and its rounding error (compensatedAdd): from a run's inner-th bar it adds
// each inner mean, and from the window-th it emits (sum + err) / outer and
// drops the mean leaving the outer window.
import { paramOf, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import { prefixStep, prefixWindowSum, twoSumError } from './primitives.js';

export default function trima(ctx: StepperContext): Stepper {
  const n = Int32Array.from(paramOf(ctx, 'window'));
  const inner = n.map((w) => (w % 2 ? (w + 1) / 2 : w / 2));
  const outer = n.map((w, v) => w + 1 - inner[v]!);
  const V = ctx.grid.variants;
  // (sum, err) per variant; then per source run [hi, lo, run, pos, ring of R (hi, lo) pairs].
  let size = 2 * V;
  const runs = ctx.runs.map((r) => {
    let longest = 0;
    for (let v = r.v0; v < r.v1; v++) longest = Math.max(longest, n[v]!);
    const run = { v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), at: size, R: longest + 1 };
    size += 4 + 2 * run.R;
    return run;
  });
  const state = new Float64Array(size);
  return {
    state,
    kernel: trimaKernelState(state, runs, V),
    step(bar, rows) {
      const out = rows[0]!;
      for (const r of runs) {
        const x = bar[r.src]!, at = r.at, R = r.R;
        prefixStep(state, at, x);
        const run = x !== x ? 0 : state[at + 2]! + 1;
        let pos = state[at + 3]! + 1;
        if (pos === R) pos = 0;
        state[at + 2] = run;
        state[at + 3] = pos;
        const ring = at + 4;
        const hi = (state[ring + 2 * pos] = state[at]!), lo = (state[ring + 2 * pos + 1] = state[at + 1]!);
        // Per variant its (sum, err) in locals, each compensatedAdd written out (sum + x, err + twoSumError): one load and store of each.
        for (let v = r.v0; v < r.v1; v++) {
          const m = inner[v]!;
          if (run < m) {
            out[v] = NaN;
            continue;
          }
          let sum = state[2 * v]!, err = state[2 * v + 1]!;
          if (run === m) sum = err = 0.0;  // a run's first inner mean
          // The inner mean ending at this bar, added.
          let a = ring + 2 * (pos >= m ? pos - m : pos - m + R);
          let mean = prefixWindowSum(hi, lo, state[a]!, state[a + 1]!) / m;
          let t = sum + mean;
          err = err + twoSumError(sum, mean, t);
          sum = t;
          if (run < n[v]!) {
            out[v] = NaN;
          } else {
            out[v] = (sum + err) / outer[v]!;
            // The inner mean leaving the outer window, dropped.
            const ago = outer[v]! - 1;
            const b = ring + 2 * (pos >= ago ? pos - ago : pos - ago + R);
            a = ring + 2 * (pos >= ago + m ? pos - ago - m : pos - ago - m + R);
            mean = -(prefixWindowSum(state[b]!, state[b + 1]!, state[a]!, state[a + 1]!) / m);
            t = sum + mean;
            err = err + twoSumError(sum, mean, t);
            sum = t;
          }
          state[2 * v] = sum;
          state[2 * v + 1] = err;
        }
      }
    },
  };
}

/**
 * The kernel's state (native/ma/trima.h): per variant [S, sum, err, then
 * ma.sma's prefix state of its source: the run and the last P pairs, oldest
 * first], P the longest ring (a shorter ring's run pads its oldest pairs
 * with zeros, which no window reaches). load() rolls the pairs back into
 * the ring at the position `bars` bars on, as ma.sma's map does.
 */
function trimaKernelState(state: Float64Array, runs: readonly { v0: number; v1: number; at: number; R: number }[], V: number): KernelStateMap {
  let P = 1;
  for (const r of runs) P = Math.max(P, r.R);
  const S = 4 + 2 * P;
  return {
    perVariant: S,
    length: S * V,
    save(into) {
      for (const r of runs) {
        const head = S * r.v0, R = r.R, ring = r.at + 4;
        into.fill(0.0, head, head + S);
        into[head] = S;
        into[head + 3] = state[r.at + 2]!;
        // Slot pos + 1 holds the oldest pair, slot pos the newest.
        for (let j = P - R, k = (state[r.at + 3]! + 1) % R; j < P; j++, k = k + 1 === R ? 0 : k + 1) {
          into[head + 4 + 2 * j] = state[ring + 2 * k]!;
          into[head + 5 + 2 * j] = state[ring + 2 * k + 1]!;
        }
        for (let v = r.v0; v < r.v1; v++) {
          if (v > r.v0) into.copyWithin(S * v, head, head + S);
          into[S * v + 1] = state[2 * v]!;
          into[S * v + 2] = state[2 * v + 1]!;
        }
      }
    },
    load(from, bars) {
      for (let v = 0; v < V; v++) {
        state[2 * v] = from[S * v + 1]!;
        state[2 * v + 1] = from[S * v + 2]!;
      }
      for (const r of runs) {
        const head = S * r.v0, R = r.R, ring = r.at + 4;
        const pos = (state[r.at + 3]! + bars) % R;
        state[r.at + 2] = from[head + 3]!;
        state[r.at + 3] = pos;
        for (let j = P - R, k = (pos + 1) % R; j < P; j++, k = k + 1 === R ? 0 : k + 1) {
          state[ring + 2 * k] = from[head + 4 + 2 * j]!;
          state[ring + 2 * k + 1] = from[head + 5 + 2 * j]!;
        }
        // The running pair is the newest one.
        state[r.at] = from[head + 2 + 2 * P]!;
        state[r.at + 1] = from[head + 3 + 2 * P]!;
      }
    },
  };
}
