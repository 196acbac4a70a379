// structure.avgdev, stepped: averageDeviation in native/structure/common.h
// over the ring of the last values, newest first; O(window) per bar, as the kernel.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { windowStepper } from './windows.js';

export default function avgdev(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  return windowStepper(ctx, {
    inputs: ['source'],
    width: 1,
    back: window.map((w) => w - 1),
    fill(s, slot, xs) {
      s[slot] = xs[0]!;
    },
    value(v, ring, rows) {
      const n = window[v]!;
      if (ring.run < n) {
        rows[0]![v] = NaN;
        return;
      }
      let sum = 0.0;
      for (let i = 0; i < n; i++) sum += ring.get(i);
      const mean = sum / n;
      let dev = 0.0;
      for (let i = 0; i < n; i++) dev += Math.abs(ring.get(i) - mean);
      rows[0]![v] = dev / n;
    },
  });
}
