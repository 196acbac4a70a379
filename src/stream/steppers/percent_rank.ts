// structure.percent_rank, stepped: native/structure/percent_rank.h, 100 *
// (how many of the previous `window` values are <= the current one) /
// window. As the kernel, one backward scan over the ring per bar counts for
// every window of the source run at once (O(longest window) per bar).
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { windowStepper } from './windows.js';

/**
 * The kernel's backward scan from the newest value (at s[newest], in a ring
 * of slots [first, end)): notAbove[i] = how many of the i values before it
 * are <= it, for i = 1 .. reach. Reading the state directly: WindowRing.get()
 * per value, when V8 left it out of line, boxed every value it returned.
 */
function countNotAbove(s: Float64Array, newest: number, first: number, end: number, reach: number, notAbove: Float64Array): void {
  const x = s[newest]!;
  let count = 0.0;
  for (let i = 1, at = newest; i <= reach; i++) {
    at = at === first ? end - 1 : at - 1;
    if (s[at]! <= x) count += 1.0;
    notAbove[i] = count;
  }
}

export default function percentRank(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  // Per variant: the longest window of its source run when it is the run's first variant (it scans), else 0.
  const scan = new Float64Array(window.length);
  for (const r of ctx.runs) scan[r.v0] = Math.max(...window.subarray(r.v0, r.v1));
  const notAbove = new Float64Array(Math.max(0, ...window) + 1);  // notAbove[i]: how many of x[t-i .. t-1] are <= x[t]
  return windowStepper(ctx, {
    inputs: ['source'],
    width: 1,
    prelude: true,  // a fresh count over the window: batches take the kernel over a prelude
    back: window,
    fill(s, slot, xs) {
      s[slot] = xs[0]!;
    },
    value(v, ring, rows) {
      const n = window[v]!, run = ring.run;
      // The ring's slots are [at + 2, at + 2 + R) (width 1).
      if (scan[v]! > 0) countNotAbove(ring.s, ring.slot(0), ring.at + 2, ring.at + 2 + ring.R, Math.min(scan[v]!, run - 1), notAbove);
      // NaN as a store of its own (a conditional value stored is boxed).
      if (run > n) rows[0]![v] = 100.0 * (notAbove[n]! / n);
      else rows[0]![v] = NaN;
    },
  });
}
