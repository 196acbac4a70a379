// structure.correl, stepped: correlation() in native/structure/correl.h over
// the last (source, source2) pairs, oldest first: the means, then the
// centered sums; 0 where sxx * syy is below 1e-14. O(window) per bar, as the kernel.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { lastValuesStepper } from './windows.js';

export default function correl(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  return lastValuesStepper(ctx, {
    inputs: ['source', 'source2'],
    series: 2,
    back: window.map((w) => w - 1),
    fill(xs, into) {
      into[0] = xs[0]!;
      into[1] = xs[1]!;
    },
    values(s, r, rows) {
      const out = rows[0]!, ex = r.end[0]!, ey = r.end[1]!, run = r.run;
      for (let v = r.v0; v < r.v1; v++) {
        const n = window[v]!;
        if (run < n) {
          out[v] = NaN;
          continue;
        }
        let mx = 0.0, my = 0.0;
        for (let k = n - 1; k >= 0; k--) {
          mx += s[ex - k]!;
          my += s[ey - k]!;
        }
        mx /= n;
        my /= n;
        let sxx = 0.0, syy = 0.0, sxy = 0.0;
        for (let k = n - 1; k >= 0; k--) {
          const dx = s[ex - k]! - mx, dy = s[ey - k]! - my;
          sxx += dx * dx;
          syy += dy * dy;
          sxy += dx * dy;
        }
        const spread = sxx * syy;
        out[v] = spread < 1e-14 ? 0.0 : sxy / Math.sqrt(spread);
      }
    },
  });
}
