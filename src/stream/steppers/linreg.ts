// trend.linreg, stepped: regression<false> in native/trend/linreg.h. Per
// variant, TA-Lib's sums of y and age * y over the window: summed afresh,
// oldest first, on the window's first bar and every `window` bars after it,
// slid by one bar in between; the line from them, as the kernel computes it.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { windowStepper } from './windows.js';

/** The lines value, slope and intercept (not the angle), or with `forecast` TA-Lib TSF's line one bar ahead. */
export function regression(ctx: StepperContext, forecast: boolean): Stepper {
  const window = paramOf(ctx, 'window');
  const sumX = window.map((w) => w * (w - 1) * 0.5);
  const divisor = window.map((w, v) => sumX[v]! * sumX[v]! - w * ((w * (w - 1) * (2 * w - 1)) / 6));
  return windowStepper(ctx, {
    inputs: ['source'],
    width: 1,
    back: window,  // the value leaving the window
    own: 2,  // (sumY, sumXY)
    fill(s, slot, xs) {
      s[slot] = xs[0]!;
    },
    value(v, ring, rows, at) {
      const s = ring.s, n = window[v]!, run = ring.run;
      if (run < n) {
        for (const row of rows) if (row) row[v] = NaN;
        return;
      }
      let sumY = s[at]!, sumXY = s[at + 1]!;
      if ((run - n) % n === 0) {
        // regressionSums: afresh, oldest first.
        sumY = 0.0;
        sumXY = 0.0;
        for (let age = n - 1; age >= 0; --age) {
          const y = ring.get(age);
          sumY += y;
          sumXY += age * y;
        }
      } else {
        const oldest = ring.get(n);  // every other bar ages by one, the oldest leaves
        sumXY = sumXY + sumY - n * oldest;
        sumY = sumY - oldest + ring.get(0);
      }
      s[at] = sumY;
      s[at + 1] = sumXY;
      const m = (n * sumXY - sumX[v]! * sumY) / divisor[v]!;
      const b = (sumY - m * sumX[v]!) / n;
      if (forecast) {
        if (rows[0]) rows[0][v] = b + m * n;
        return;
      }
      if (rows[0]) rows[0][v] = b + m * (n - 1.0);
      if (rows[1]) rows[1][v] = m;
      if (rows[2]) rows[2][v] = b;
    },
  });
}

/**
 * The angle is atan of the slope, and the native build's atan (the C
 * library's) and JavaScript's (and wasm's) differ in the last bit for some
 * slopes: a stream computing it recomputes, the other outputs step.
 */
export default function linreg(ctx: StepperContext): Stepper | null {
  return ctx.outputs.includes('angle') ? null : regression(ctx, false);
}
