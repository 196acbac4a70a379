// structure.percent_rank, stepped: native/structure/percent_rank.h, 100 *
// (how many of the previous `window` values are <= the current one) /
// window, counted over the ring. O(window) per bar, as the kernel.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { windowStepper } from './windows.js';

export default function percentRank(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  return windowStepper(ctx, {
    inputs: ['source'],
    width: 1,
    back: window,
    fill(s, slot, xs) {
      s[slot] = xs[0]!;
    },
    value(v, ring, rows) {
      const n = window[v]!;
      if (ring.run <= n) {
        rows[0]![v] = NaN;
        return;
      }
      const x = ring.get(0);
      let count = 0.0;
      for (let i = 1; i <= n; i++) if (ring.get(i) <= x) count += 1.0;
      rows[0]![v] = 100.0 * (count / n);
    },
  });
}
