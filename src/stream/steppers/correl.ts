// structure.correl, stepped: correlation() in native/structure/correl.h over
// the last (source, source2) pairs, oldest first: the means, then the
// centered sums; 0 where sxx * syy is below 1e-14. O(window) per bar, as the
// kernel. Two variants go side by side: the longer window's oldest values
// alone, then the values both windows hold, read once for both (each
// variant's sums in the kernel's order).
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { lastValuesStepper } from './windows.js';

/** The correlations over the last n and m >= n values ending at s[ex], s[ey], into out[0] (n) and out[1] (m). */
function correlations(s: Float64Array, ex: number, ey: number, n: number, m: number, out: Float64Array): void {
  let mx = 0.0, my = 0.0, lx = 0.0, ly = 0.0;  // window n; window m (the longer)
  for (let k = m - 1; k >= n; k--) {
    lx += s[ex - k]!;
    ly += s[ey - k]!;
  }
  for (let k = n - 1; k >= 0; k--) {
    const x = s[ex - k]!, y = s[ey - k]!;
    mx += x;
    my += y;
    lx += x;
    ly += y;
  }
  mx /= n;
  my /= n;
  lx /= m;
  ly /= m;
  let sxx = 0.0, syy = 0.0, sxy = 0.0, lxx = 0.0, lyy = 0.0, lxy = 0.0;
  for (let k = m - 1; k >= n; k--) {
    const dx = s[ex - k]! - lx, dy = s[ey - k]! - ly;
    lxx += dx * dx;
    lyy += dy * dy;
    lxy += dx * dy;
  }
  for (let k = n - 1; k >= 0; k--) {
    const x = s[ex - k]!, y = s[ey - k]!;
    const dx = x - mx, dy = y - my, gx = x - lx, gy = y - ly;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    lxx += gx * gx;
    lyy += gy * gy;
    lxy += gx * gy;
  }
  out[0] = coefficient(sxx, syy, sxy);
  out[1] = coefficient(lxx, lyy, lxy);
}

/** 0 where the product of the spreads is below 1e-14, as TA-Lib. */
function coefficient(sxx: number, syy: number, sxy: number): number {
  const spread = sxx * syy;
  return spread < 1e-14 ? 0.0 : sxy / Math.sqrt(spread);
}

export default function correl(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const two = new Float64Array(2);
  return lastValuesStepper(ctx, {
    inputs: ['source', 'source2'],
    series: 2,
    prelude: true,  // two fresh passes over the window: batches take the kernel over a prelude
    back: window.map((w) => w - 1),
    fill(xs, into) {
      into[0] = xs[0]!;
      into[1] = xs[1]!;
    },
    values(s, r, rows) {
      const out = rows[0]!, ex = r.end[0]!, ey = r.end[1]!, run = r.run;
      for (let v = r.v0; v < r.v1;) {
        if (run < window[v]!) {
          out[v++] = NaN;
          continue;
        }
        // v and the next variant with a full window (or v alone, as its own pair).
        const u = v + 1 < r.v1 && run >= window[v + 1]! ? v + 1 : v;
        const short = window[v]! <= window[u]! ? v : u, long = short === v ? u : v;
        correlations(s, ex, ey, window[short]!, window[long]!, two);
        out[short] = two[0]!;
        out[long] = two[1]!;
        v = u + 1;
      }
    },
  });
}
