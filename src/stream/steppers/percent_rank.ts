// structure.percent_rank, stepped: native/structure/percent_rank.h, 100 *
// (how many of the previous `window` values are <= the current one) /
// window. As the kernel, one backward scan over the ring per bar counts for
// every window of the source run at once (O(longest window) per bar).
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { windowStepper } from './windows.js';

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
      if (scan[v]! > 0) {
        const x = ring.get(0), reach = Math.min(scan[v]!, run - 1);
        let count = 0.0;
        for (let i = 1; i <= reach; i++) {
          if (ring.get(i) <= x) count += 1.0;
          notAbove[i] = count;
        }
      }
      rows[0]![v] = run > n ? 100.0 * (notAbove[n]! / n) : NaN;
    },
  });
}
