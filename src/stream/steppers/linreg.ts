// trend.linreg, stepped: regression<false> in native/trend/linreg.h. Per
// variant, TA-Lib's sums of y and age * y over the window: summed afresh,
// oldest first, on the window's first bar and every `window` bars after it,
// slid by one bar in between; the line from them, as the kernel computes it.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { windowStepper } from './windows.js';

/** The lines value, slope and intercept, or with `forecast` TA-Lib TSF's line one bar ahead; `slopes` gets each variant's slope (NaN in warm-up). */
export function regression(ctx: StepperContext, forecast: boolean, slopes?: Float64Array): Stepper {
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
        if (slopes) slopes[v] = NaN;
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
      if (slopes) slopes[v] = m;
    },
  });
}

const DEGREES = 180.0 / 3.14159265358979323846;

/**
 * The angle, atan(slope) in degrees, takes its atan from the stream's
 * backend: the native build's (the C library's) and JavaScript's differ in
 * the last bit for some slopes. The backend's own linreg kernel over the
 * pairs (0, slope) of every variant, with a window of 2, fits exactly that
 * slope ((2 * 0 - 1 * m) / -1) and returns its angle; a zero slope is its
 * own angle (atan(+-0) = +-0, where the pair would turn +0 into -0).
 */
export default function linreg(ctx: StepperContext): Stepper {
  if (!ctx.outputs.includes('angle')) return regression(ctx, false);
  const V = ctx.grid.variants;
  const slopes = new Float64Array(V);
  const inner = regression(ctx, false, slopes);
  const pairs = new Float64Array(2 * V), angles = new Float64Array(2 * V);
  const outputs = [null, null, null, angles], params = [Float64Array.of(2)];
  return {
    ...inner,
    step(bar, rows) {
      slopes.fill(NaN);  // a gap bar leaves them NaN
      inner.step(bar, rows);
      const out = rows[3];
      if (!out) return;
      for (let v = 0; v < V; v++) pairs[2 * v + 1] = slopes[v]!;
      ctx.backend.run({ kernel: ctx.def.id, inputs: [pairs], t: 2 * V, params, v0: 0, v1: 1, outputs, float64: true, timeStride: 1, variantStride: 1 });
      for (let v = 0; v < V; v++) {
        const m = slopes[v]!;
        out[v] = m === 0 ? m * DEGREES : angles[2 * v + 1]!;
      }
    },
  };
}
