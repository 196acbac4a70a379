// structure.beta, stepped: native/structure/beta.h. Per source run, a ring of
// the one-bar returns of both inputs (0 after a price within 1e-14 of 0);
// per variant, TA-Lib's four sums, from the run's second bar: add the newest
// return, emit the slope, drop the oldest, in the kernel's order.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { nearZero } from './primitives.js';
import { windowStepper, windowTailKernelState, type WindowHooks } from './windows.js';

/** oneBarReturn: TA-Lib's return, 0 after a price within 1e-14 of 0. */
function oneBarReturn(prev: number, x: number): number {
  return nearZero(prev) ? 0.0 : (x - prev) / prev;
}

export default function beta(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const hooks: WindowHooks = {
    inputs: ['source', 'source2'],
    width: 4,  // x, y and their returns
    back: window.map((w) => Math.max(w - 1, 1)),  // the oldest return, and the previous bar's prices
    own: 4,  // the sums of rx^2, rx * ry, rx, ry
    fill(s, slot, xs, ring) {
      s[slot] = xs[0]!;
      s[slot + 1] = xs[1]!;
      if (ring.run < 2) return;
      const prev = ring.slot(1);
      s[slot + 2] = oneBarReturn(s[prev]!, xs[0]!);
      s[slot + 3] = oneBarReturn(s[prev + 1]!, xs[1]!);
    },
    value(v, ring, rows, at) {
      const s = ring.s, n = window[v]!, run = ring.run, out = rows[0];
      if (run === 1) {
        s[at] = s[at + 1] = s[at + 2] = s[at + 3] = 0.0;
      } else {
        // the first return of a run is at its second bar
        const i = ring.slot(0), rx = s[i + 2]!, ry = s[i + 3]!;
        s[at] = s[at]! + rx * rx;
        s[at + 1] = s[at + 1]! + rx * ry;
        s[at + 2] = s[at + 2]! + rx;
        s[at + 3] = s[at + 3]! + ry;
      }
      if (run - 1 < n) {
        if (out) out[v] = NaN;
        return;
      }
      if (out) {
        const d = n * s[at]! - s[at + 2]! * s[at + 2]!;
        out[v] = nearZero(d) ? 0.0 : (n * s[at + 1]! - s[at + 2]! * s[at + 3]!) / d;
      }
      const i = ring.slot(n - 1), rx = s[i + 2]!, ry = s[i + 3]!;
      s[at] = s[at]! - rx * rx;
      s[at + 1] = s[at + 1]! - rx * ry;
      s[at + 2] = s[at + 2]! - rx;
      s[at + 3] = s[at + 3]! - ry;
    },
  };
  // Without resume() (stepping every variant's sums): history goes through the kernel.
  const { state, runs, ownAt, step } = windowStepper(ctx, hooks);
  // The kernel's state (native/structure/beta.h): per variant [S, the run's age, the four sums, the last bars' prices].
  return { state, step, kernel: windowTailKernelState(state, runs, ownAt, 4, 2, hooks.fill, true) };
}
