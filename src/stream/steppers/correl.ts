// structure.correl, stepped: correlation() in native/structure/correl.h over
// the ring of the last (source, source2) pairs, oldest first: the means, then
// the centered sums; 0 where sxx * syy is below 1e-14. O(window) per bar, as the kernel.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { windowStepper } from './windows.js';

export default function correl(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  return windowStepper(ctx, {
    inputs: ['source', 'source2'],
    width: 2,
    back: window.map((w) => w - 1),
    fill(s, slot, xs) {
      s[slot] = xs[0]!;
      s[slot + 1] = xs[1]!;
    },
    value(v, ring, rows) {
      const n = window[v]!;
      if (ring.run < n) {
        rows[0]![v] = NaN;
        return;
      }
      const s = ring.s;
      let mx = 0.0, my = 0.0;
      for (let k = n - 1; k >= 0; k--) {
        const i = ring.slot(k);
        mx += s[i]!;
        my += s[i + 1]!;
      }
      mx /= n;
      my /= n;
      let sxx = 0.0, syy = 0.0, sxy = 0.0;
      for (let k = n - 1; k >= 0; k--) {
        const i = ring.slot(k);
        const dx = s[i]! - mx, dy = s[i + 1]! - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
      const spread = sxx * syy;
      rows[0]![v] = spread < 1e-14 ? 0.0 : sxy / Math.sqrt(spread);
    },
  });
}
