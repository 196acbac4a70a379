// ma.kama, stepped: native/ma/kama.h. Per source, the compensated prefix
// pair of |Δx| (prefixSums over the differences, NaN at a run's first bar),
// the last two values and a ring of the last maxWindow + 1 bars' (x, pair),
// shared by every window; per variant the average, started from x[t-1] on
// the bar with `window` differences behind it, then stepped with
// kamaConstant of the change over the window and its path length. Batches
// run the kernel from each average, after the ring's last bars.
import { advanceRing, paramOf, ringPrelude, ringStepper, type KernelStateMap, type RingHooks, type RingRun, type Stepper, type StepperContext } from './types.js';
import { emaStep, prefixStep, prefixWindowSum, twoSumError } from './primitives.js';
import { kamaConstant } from './matypes.js';

/** Head per source run: [path hi, path lo, last x]; slots (x, path hi, path lo, x[t-1]); then the average per variant. */
export default function kama(ctx: StepperContext): Stepper {
  const n = Int32Array.from(paramOf(ctx, 'window'));
  const hooks: RingHooks = {
    head: 3,
    width: 4,
    need: n.map((w) => w + 1),  // `window` valid differences ending here
    back: n,
    own: 1,
    fill(state, at, slot, x) {
      // |Δx| is NaN on a run's first bar (state[at + 3], the run, already counts this bar).
      const before = state[at + 2]!;
      prefixStep(state, at, state[at + 3]! >= 2 ? Math.abs(x - before) : NaN);
      state[at + 2] = x;
      state[slot] = x;
      state[slot + 1] = state[at]!;
      state[slot + 2] = state[at + 1]!;
      state[slot + 3] = before;
    },
    value(v, x, state, slot, past, run, own) {
      if (run === n[v]! + 1) state[own] = state[slot + 3]!;  // KamaLanes::warm: start from x[t-1]
      const path = prefixWindowSum(state[slot + 1]!, state[slot + 2]!, state[past + 1]!, state[past + 2]!);
      const y = emaStep(state[own]!, x, kamaConstant(x - state[past]!, path));
      state[own] = y;
      return y;
    },
  };
  const stepper = ringStepper(ctx, hooks);
  const lead = Math.max(...stepper.runs.map((r) => r.ring - 1));
  // Each run's ring reaches back to the bar before a batch (the grid's runs share their windows).
  return stepper.runs.every((r) => r.ring - 1 === lead) ? { ...stepper, kernel: kamaKernelState(stepper, hooks, lead) } : stepper;
}

/**
 * The kernel's state (kState in native/ma/kama.h), per variant: its
 * average, then its run's prefix pair, value and valid bars at the bar
 * before the call, and `lead` (the longest window). The call's first lead
 * bars are the ring's last (`tail`: the ring holds lead + 1), so the
 * kernel goes on from the state at the batch's first bar and every window
 * lies in the call. The kernel gives back the averages; load() steps each
 * source's ring over the batch.
 */
function kamaKernelState(stepper: Stepper & { readonly runs: readonly RingRun[]; readonly ownAt: number }, hooks: RingHooks, lead: number): KernelStateMap {
  const { state, runs, ownAt } = stepper, S = 6, V = state.length - ownAt;
  return {
    perVariant: S,
    length: S * V,
    lead,
    tail: ringPrelude(stepper, hooks, 0, lead + 1).tail,
    save(into) {
      for (const r of runs) {
        const pos = state[r.at + 4]!, slot = r.at + 5 + 4 * ((pos - lead + r.ring) % r.ring);
        // The valid bars ending lead bars back (any count after a gap among the tail's bars: their windows start after it).
        const before = Math.max(state[r.at + 3]! - lead, 0);
        for (let v = r.v0; v < r.v1; v++) {
          into[S * v] = state[ownAt + v]!;
          into[S * v + 1] = state[slot + 1]!;
          into[S * v + 2] = state[slot + 2]!;
          into[S * v + 3] = state[slot]!;
          into[S * v + 4] = before;
          into[S * v + 5] = lead;
        }
      }
    },
    load(from, bars, columns) {
      for (let v = 0; v < V; v++) state[ownAt + v] = from[S * v]!;
      for (const r of runs) {
        const col = columns[r.src]!, first = Math.max(0, bars - r.ring);
        headThrough(state, r, col, first);
        for (let i = first; i < bars; i++) hooks.fill(state, r.at, advanceRing(state, r, hooks.head, hooks.width, col[i]!), col[i]!);
      }
    },
  };
}

/**
 * Run r's head (the prefix pair of |Δx|, the last value, the valid bars
 * ending there) and ring position through bars [0, to) of its source, as
 * the ring stepper's fill() leaves them, without the slots those bars'
 * fills write: the batch's last ring bars write every slot again. A loop
 * that calls nothing but twoSumError, since it runs once per batch, mostly
 * before V8 optimizes it.
 */
function headThrough(state: Float64Array, r: RingRun, col: Float64Array, to: number): void {
  const at = r.at;
  let hi = state[at]!, lo = state[at + 1]!, last = state[at + 2]!, run = state[at + 3]!;
  for (let i = 0; i < to; i++) {
    const x = col[i]!;
    run = x !== x ? 0 : run + 1;
    // |Δx| from the run's second bar on; prefixStep of a NaN difference clears the pair.
    if (run >= 2) {
      const d = Math.abs(x - last), s = hi + d;
      lo += twoSumError(hi, d, s);
      hi = s;
    } else hi = lo = 0.0;
    last = x;
  }
  state[at] = hi;
  state[at + 1] = lo;
  state[at + 2] = last;
  state[at + 3] = run;
  state[at + 4] = (state[at + 4]! + to) % r.ring;
}
