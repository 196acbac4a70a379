// ma.trima, stepped: native/ma/trima.h, SMA(SMA(x, inner), outer) with
// inner + outer = window + 1. Per source, ma.sma's compensated prefix pair
// and a ring of the last maxWindow + 1 pairs, shared by every window (an
// inner mean is prefixWindowSum / inner); per variant, the outer running sum
// and its rounding error (compensatedAdd): from a run's inner-th bar it adds
// each inner mean, and from the window-th it emits (sum + err) / outer and
// drops the mean leaving the outer window.
import { paramOf, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import { prefixStep, prefixWindowSum, twoSumError } from './primitives.js';
import { prefixRunsState } from './sma.js';

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
    const run = { v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!), at: size, ring: longest + 1 };
    size += 4 + 2 * run.ring;
    return run;
  });
  const state = new Float64Array(size);
  return {
    state,
    kernel: trimaKernelState(state, runs, V),
    step(bar, rows) {
      const out = rows[0]!;
      for (const r of runs) {
        const x = bar[r.src]!, at = r.at, R = r.ring;
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
 * The kernel's state (native/ma/trima.h): per variant its (sum, err), as the
 * stepper keeps them at the state's start; per source run ma.sma's prefix
 * state (the run and its ring's pairs, oldest first), after the variants'.
 */
function trimaKernelState(state: Float64Array, runs: readonly { at: number; ring: number }[], V: number): KernelStateMap {
  const prefix = prefixRunsState(state, runs, 2 * V);
  return {
    perVariant: 2,
    length: prefix.length,
    runs: prefix.parts,
    save(into) {
      into.set(state.subarray(0, 2 * V));
      prefix.save(into);
    },
    load(from, bars) {
      state.set(from.subarray(0, 2 * V));
      prefix.load(from, bars);
    },
  };
}
