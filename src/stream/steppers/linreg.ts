// trend.linreg, stepped: regression<false> in native/trend/linreg.h. Per
// variant, TA-Lib's sums of y and age * y over the window: summed afresh,
// oldest first, on the window's first bar and every `window` bars after it,
// slid by one bar in between; the line from them, as the kernel computes it.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { windowLayout, windowRunTailKernelState } from './windows.js';
import { atan } from './fdlibm.js';

/** The lines value, slope and intercept, or with `forecast` TA-Lib TSF's line one bar ahead; `slopes` gets each variant's slope (NaN in warm-up). */
export function regression(ctx: StepperContext, forecast: boolean, slopes?: Float64Array): Stepper {
  const window = paramOf(ctx, 'window');
  // Per variant the run length of its next fresh sum, the multiple of its window in (run - window, run]
  // for the run in the state (checked each bar, remade when it is not: after update() or a batch): a cache
  // of the state, not part of it, so that the test is two compares rather than a remainder per variant.
  const due = new Float64Array(window.length);
  const sumX = window.map((w) => w * (w - 1) * 0.5);
  const divisor = window.map((w, v) => sumX[v]! * sumX[v]! - w * ((w * (w - 1) * (2 * w - 1)) / 6));
  // Per source run a ring of its last longest-window + 1 values; per variant (sumY, sumXY).
  const { state, runs, ownAt } = windowLayout(ctx, { inputs: ['source'], width: 1, back: window, own: 2 });
  return {
    state,
    // The kernel's state (native/trend/linreg.h): per variant (sumY, sumXY); per run the run's age and the source's last values.
    kernel: windowRunTailKernelState(state, runs, ownAt, 2, 1, (s, slot, xs) => { s[slot] = xs[0]!; }),
    step(bar, rows) {
      const out0 = rows[0] ?? null, out1 = rows[1] ?? null, out2 = rows[2] ?? null;
      for (const r of runs) {
        const x = bar[r.src[0]!]!;
        const slot = r.ring.advance(x === x);
        if (x !== x) {
          for (const row of rows) if (row) row.fill(NaN, r.v0, r.v1);
          if (slopes) slopes.fill(NaN, r.v0, r.v1);
          continue;
        }
        state[slot] = x;
        const run = state[r.at]!, pos = state[r.at + 1]!, R = r.R, ring = r.at + 2;
        for (let v = r.v0; v < r.v1; v++) {
          const n = window[v]!, at = ownAt + 2 * v;
          if (run < n) {
            if (out0) out0[v] = NaN;
            if (out1) out1[v] = NaN;
            if (out2) out2[v] = NaN;
            if (slopes) slopes[v] = NaN;
            continue;
          }
          let sumY = state[at]!, sumXY = state[at + 1]!;
          let next = due[v]!;
          if (run > next || run <= next - n) due[v] = next = Math.ceil(run / n) * n;
          if (run === next) {
            // (run - n) % n === 0: regressionSums, afresh, oldest first.
            due[v] = next + n;
            sumY = 0.0;
            sumXY = 0.0;
            for (let age = n - 1, i = pos - age < 0 ? pos - age + R : pos - age; age >= 0; --age, i = i + 1 === R ? 0 : i + 1) {
              const y = state[ring + i]!;
              sumY += y;
              sumXY += age * y;
            }
          } else {
            const oldest = state[ring + (pos >= n ? pos - n : pos - n + R)]!;  // every other bar ages by one, the oldest leaves
            sumXY = sumXY + sumY - n * oldest;
            sumY = sumY - oldest + x;
          }
          state[at] = sumY;
          state[at + 1] = sumXY;
          const m = (n * sumXY - sumX[v]! * sumY) / divisor[v]!;
          const b = (sumY - m * sumX[v]!) / n;
          if (forecast) {
            if (out0) out0[v] = b + m * n;
            continue;
          }
          if (out0) out0[v] = b + m * (n - 1.0);
          if (out1) out1[v] = m;
          if (out2) out2[v] = b;
          if (slopes) slopes[v] = m;
        }
      }
    },
  };
}

const DEGREES = 180.0 / 3.14159265358979323846;

/**
 * The angle, atan(slope) in degrees, with fdlibm's atan (fdlibm.ts), which
 * both kernel builds take (native/trend/linreg.h), so the bits are theirs.
 */
export default function linreg(ctx: StepperContext): Stepper {
  if (!ctx.outputs.includes('angle')) return regression(ctx, false);
  const V = ctx.grid.variants;
  const slopes = new Float64Array(V);
  const inner = regression(ctx, false, slopes);
  return {
    ...inner,
    step(bar, rows) {
      slopes.fill(NaN);  // a gap bar leaves them NaN
      inner.step(bar, rows);
      const out = rows[3];
      if (out) for (let v = 0; v < V; v++) out[v] = atan(slopes[v]!) * DEGREES;
    },
  };
}
