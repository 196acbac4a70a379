// ma.wma, stepped: native/ma/wma.h. Per source, the sums of every window up
// to the longest one up to DENSE_WMA (WmaDiagonal in native/ma/common.h:
// sums[k] = sums[k-1] before + k·x, stepped from k = depth down so one array
// serves as both rows), the count of valid bars and a ring of the last
// maxWindow + 1 values, shared by every window. A window up to DENSE_WMA reads
// its sum; a longer one keeps its running sums (sum, sumErr, sub, subErr):
// wmaPrime while the window fills, then wmaNext with the value leaving the
// window (0 until one does), cleared at the start of each run.
// Batches: over a prelude of the last bars when every window is dense (a
// value is a fresh sum of its window); with a longer window through the
// kernel with its state (per variant [lead, age, a long window's four sums],
// kWmaState in native/ma/wma.h): the call's first lead = longest window bars
// are the ring's last bars (KernelStateMap.tail), so every value a window
// reads or drops is in the call, and the ring and the dense sums are then
// set from the batch's last bars (ringPrelude's skip).
import { advanceRing, leadKernelState, longestOf, paramOf, ringPrelude, ringStepper, type RingHooks, type RingRun, type Stepper, type StepperContext } from './types.js';
import { wmaDivider, wmaNext, wmaPrime } from './primitives.js';

/** Longest window read from the sums (kDenseWma in native/ma/common.h). */
export const DENSE_WMA = 256;

/**
 * RingHooks.fill of the WMA sums (WmaDiagonal::push): the bar into its ring
 * slot, and sums[k] = sums[k-1] of the bar before + k·x for k = depth..1 in
 * the source run's head. A gap pushes nothing (the sums restart with the run).
 */
export function diagonalFill(depth: number): RingHooks['fill'] {
  return (state, at, slot, x) => {
    state[slot] = x;
    if (x !== x) return;
    for (let k = depth; k >= 1; k--) state[at + k] = state[at + k - 1]! + k * x;
  };
}

/** State: per source run [sums 0..depth, run, pos, ring of values], then (sum, sumErr, sub, subErr) per variant. */
export default function wma(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const n = Int32Array.from(window);
  const divider = window.map(wmaDivider);
  const scale = divider.map((d) => 1.0 / d);
  let depth = 0;
  for (const w of n) if (w <= DENSE_WMA) depth = Math.max(depth, w);
  const runAt: number[] = [];  // where each variant's source run keeps its sums
  const stepper = ringStepper(ctx, {
    head: depth + 1,
    width: 1,
    need: n.map(() => 1),  // every valid bar steps the pair
    back: n,
    own: 4,
    fill: diagonalFill(depth),
    value(v, x, state, _slot, past, run, at) {
      const lag = n[v]!;
      if (lag <= DENSE_WMA) return run < lag ? NaN : state[runAt[v]! + lag]! * scale[v]!;
      if (run === 1) {
        state.fill(0.0, at, at + 4);
      }
      if (run < lag) {
        wmaPrime(state, at, x, run);  // weight i + 1 for the i-th value of the run (from 0)
        return NaN;
      }
      return wmaNext(state, at, x, run > lag ? state[past]! : 0.0, window[v]!, divider[v]!);
    },
  });
  for (const r of stepper.runs) for (let v = r.v0; v < r.v1; v++) runAt[v] = (r as RingRun).at;
  const longest = longestOf(n);
  const ring = { head: depth + 1, width: 1, fill: diagonalFill(depth), keep: (s: Float64Array, slot: number, x: number) => { s[slot] = x; } };
  if (longest > DENSE_WMA) {
    const { state, ownAt } = stepper, { skip, tail } = ringPrelude(stepper, ring, depth, longest);
    return {
      ...stepper,
      kernel: leadKernelState(n.length, 4, longest, (v) => state[runAt[v]! + depth + 1]!, {
        save(v, into, at) {
          if (n[v]! > DENSE_WMA) into.set(state.subarray(ownAt + 4 * v, ownAt + 4 * v + 4), at);
          else into.fill(0.0, at, at + 4);
        },
        load(from, bars, columns) {
          for (let v = 0; v < n.length; v++) if (n[v]! > DENSE_WMA) state.set(from.subarray(6 * v + 2, 6 * v + 6), ownAt + 4 * v);
          skip(columns, 0, bars);
        },
        tail,
      }),
    };
  }
  // Every window read from the sums, in one loop (no hook call per variant);
  // a value is a fresh sum of the window's bars, so batches take the kernel over a prelude.
  const { state } = stepper;
  return {
    ...stepper,
    step: diagonalStep(stepper, depth, (out, r, run) => {
      if (!out) return;
      for (let v = r.v0; v < r.v1; v++) {
        const lag = n[v]!;
        // NaN as a store of its own (a conditional value stored was boxed: 3 KB a push).
        if (run < lag) out[v] = NaN;
        else out[v] = state[r.at + lag]! * scale[v]!;
      }
    }),
    prelude: ringPrelude(stepper, ring, depth, longest),
  };
}

/**
 * ringStepper's step over the WMA sums (head: sums 0..depth): each source
 * run's count, ring and sums advanced by its bar (diagonalFill), then
 * `variants` with the run's count of valid bars (0: a gap) and the stream's
 * first row (null while resuming).
 */
export function diagonalStep(stepper: Stepper & { readonly runs: readonly RingRun[] }, depth: number, variants: (out: Float64Array | null, r: RingRun, run: number) => void): Stepper['step'] {
  const { state } = stepper, head = depth + 1, fill = diagonalFill(depth);
  return (bar, rows) => {
    const out = rows[0] ?? null;
    for (const r of stepper.runs) {
      const x = bar[r.src]!;
      fill(state, r.at, advanceRing(state, r, head, 1, x), x);
      variants(out, r, state[r.at + head]!);
    }
  };
}
