// ma.sma, stepped: per source, the running prefix pair of the batch kernel
// (prefixSums in native/primitives.h) and a ring of the last maxWindow + 1
// pairs, shared by every window of that source; a window's value is
// prefixWindowSum(...) * (1 / window), as SmaLanes::at computes it.
import { paramOf, ringStepper, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import type { OutputArray } from '../../backends/types.js';
import { prefixStep, prefixWindowSum } from './primitives.js';

/** ma.sma: each window sum times 1 / window, and the kernel's state for pushMany() and history. */
export default function sma(ctx: StepperContext): Stepper {
  return withPrefixKernel(prefixWindows(ctx, paramOf(ctx, 'window').map((w) => 1.0 / w)));
}

/**
 * A prefixWindows() stepper with the kernel's state of each source run
 * (prefixStatePairs in native/primitives.h: [run, its R pairs oldest first],
 * R = the ring's length >= the longest window), which ma.sma's and
 * structure.sum's kernels continue.
 */
export function withPrefixKernel(stepper: ReturnType<typeof prefixWindows>): Stepper {
  const prefix = prefixRunsState(stepper.state, stepper.runs, 0);
  const kernel: KernelStateMap = { perVariant: 0, length: prefix.length, runs: prefix.parts, save: prefix.save, load: prefix.load };
  return { ...stepper, kernel };
}

/**
 * The kernel's prefix state of each source run (prefixStatePairs) from a
 * stepper's per-run [hi, lo, run, pos, ring of R (hi, lo) pairs] at r.at
 * (R = r.ring): the runs' parts one after the other from `base`. load()
 * rolls the pairs back into the ring at the position `bars` bars on.
 */
export function prefixRunsState(state: Float64Array, runs: readonly { readonly at: number; readonly ring: number }[], base: number) {
  let size = base;
  const parts = runs.map((r) => {
    const part = { at: size, length: 1 + 2 * r.ring };
    size += part.length;
    return part;
  });
  return {
    parts,
    /** The end of the last part. */
    length: size,
    save(into: Float64Array): void {
      runs.forEach((r, i) => {
        const at = parts[i]!.at, R = r.ring, ring = r.at + 4;
        into[at] = state[r.at + 2]!;
        // Slot pos + 1 holds the oldest pair, slot pos the newest.
        for (let j = 0, s = (state[r.at + 3]! + 1) % R; j < R; j++, s = s + 1 === R ? 0 : s + 1) {
          into[at + 1 + 2 * j] = state[ring + 2 * s]!;
          into[at + 2 + 2 * j] = state[ring + 2 * s + 1]!;
        }
      });
    },
    load(from: Float64Array, bars: number): void {
      runs.forEach((r, i) => {
        const at = parts[i]!.at, R = r.ring, ring = r.at + 4;
        const pos = (state[r.at + 3]! + bars) % R;
        state[r.at + 2] = from[at]!;
        state[r.at + 3] = pos;
        for (let j = 0, s = (pos + 1) % R; j < R; j++, s = s + 1 === R ? 0 : s + 1) {
          state[ring + 2 * s] = from[at + 1 + 2 * j]!;
          state[ring + 2 * s + 1] = from[at + 2 + 2 * j]!;
        }
        // The running pair is the newest one.
        state[r.at] = from[at + 2 * R - 1]!;
        state[r.at + 1] = from[at + 2 * R]!;
      });
    },
  };
}

/**
 * Per source run [hi, lo, run, pos, ring of (hi, lo) pairs]: the windows'
 * prefixWindowSum(...) * scale[v] (ma.sma: 1 / window; structure.sum: 1,
 * which leaves every sum as it is), NaN while the run is shorter than the
 * window; step() and stepMany() read every window in one tight loop.
 */
export function prefixWindows(ctx: StepperContext, scale: Float64Array): ReturnType<typeof ringStepper> {
  const window = paramOf(ctx, 'window');
  const n = Int32Array.from(window);
  const inv = scale;
  const V = ctx.grid.variants;
  const back = Int32Array.from(window, (w) => 2 * w);  // offset of a window's start pair in `pairs`
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
    // ringStepper's step(), with the windows' values read in one tight loop (windowRow).
    step(bar, rows) {
      const out = rows[0] ?? null;
      for (const r of stepper.runs) {
        const x = bar[r.src]!, at = r.at, R = r.ring;
        const run = x !== x ? 0 : (state[at + 2]! + 1) | 0;
        let pos = (state[at + 3]! + 1) | 0;
        if (pos === R) pos = 0;
        state[at + 2] = run;
        state[at + 3] = pos;
        prefixStep(state, at, x);
        const slot = at + 4 + 2 * pos;
        state[slot] = state[at]!;
        state[slot + 1] = state[at + 1]!;
        if (out) windowRow(out, r.v0, r.v1, state, at + 4, pos, R, run, n, inv);
      }
    },
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
        if (out) windowRows(out, V, r.v0, r.v1, m, R, pairs, runAt, back, n, inv);
      }
    },
  };
}

/**
 * The rows of variants [v0, v1) at m new bars (out at i * V), from their
 * source's pairs in time order (the first R before the new bars) and the run
 * length at each new bar; back[v] is 2 * window. Its own function, with
 * everything it reads passed in, so the hot loop sees only locals.
 */
function windowRows(out: OutputArray, V: number, v0: number, v1: number, m: number, R: number, pairs: Float64Array, runAt: Int32Array, back: Int32Array, n: Int32Array, inv: Float64Array): void {
  for (let i = 0; i < m; i++) {
    const o = i * V, b = 2 * (R + i), hi = pairs[b]!, lo = pairs[b + 1]!, run = runAt[i]!;
    // A run at least the longest window long (R - 1) gives every window a value: no test per window.
    if (run >= R - 1) {
      for (let v = v0; v < v1; v++) {
        const a = b - back[v]!;
        out[o + v] = prefixWindowSum(hi, lo, pairs[a]!, pairs[a + 1]!) * inv[v]!;
      }
      continue;
    }
    for (let v = v0; v < v1; v++) {
      const a = b - back[v]!;
      out[o + v] = run < n[v]! ? NaN : prefixWindowSum(hi, lo, pairs[a]!, pairs[a + 1]!) * inv[v]!;
    }
  }
}

/**
 * The values of variants [v0, v1) at the bar just stepped (out[v]), from the
 * ring of (hi, lo) pairs at `ring` (the bar's pair in slot pos, R slots) and
 * the run length: prefixWindowSum(...) * (1 / window), NaN while the run is
 * shorter than the window.
 */
function windowRow(out: Float64Array, v0: number, v1: number, state: Float64Array, ring: number, pos: number, R: number, run: number, n: Int32Array, inv: Float64Array): void {
  const b = ring + 2 * pos, hi = state[b]!, lo = state[b + 1]!;
  for (let v = v0; v < v1; v++) {
    const w = n[v]!;
    if (run < w) {
      out[v] = NaN;
      continue;
    }
    const a = ring + 2 * (pos >= w ? pos - w : pos - w + R);
    out[v] = prefixWindowSum(hi, lo, state[a]!, state[a + 1]!) * inv[v]!;
  }
}
