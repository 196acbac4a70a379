// ma.mama, stepped: native/ma/mama.h. Per source run the transform and the
// previous I1/Q1 phase; per variant MAMA and FAMA, both from 0 on the run's
// first transform bar, as TA-Lib.
import { EXTRA, hilbertStepper, phase } from './hilbert.js';
import { paramOf, type Stepper, type StepperContext } from './types.js';

const PREV_PHASE = EXTRA;

/** MAMA's WMA-only bars after the 3 seed bars, and the bars before its first value (ma::mama::kWarmup, kLookback). */
export const MAMA_WARMUP = 9, MAMA_LOOKBACK = 32;

/** α = fast / Δphase clamped to [slow, fast], fast when Δphase <= 1 degree. */
export function alpha(deltaPhase: number, fast: number, slow: number): number {
  if (deltaPhase < 1.0) deltaPhase = 1.0;
  if (deltaPhase > 1.0) {
    const a = fast / deltaPhase;
    return a < slow ? slow : a;
  }
  return fast;
}

export default function mama(ctx: StepperContext): Stepper {
  const fast = paramOf(ctx, 'fast_limit'), slow = paramOf(ctx, 'slow_limit');
  return hilbertStepper(ctx, {
    warmup: MAMA_WARMUP,
    lookback: MAMA_LOOKBACK,
    extra: 1,
    own: 2,  // (mama, fama)
    bar(s, o, x, rows, v0, v1, own) {
      const p = phase(s, o), deltaPhase = s[o + PREV_PHASE]! - p;
      s[o + PREV_PHASE] = p;
      const mamaRow = rows[0], famaRow = rows[1];
      for (let v = v0; v < v1; v++) {
        const at = own + 2 * v;
        let a = alpha(deltaPhase, fast[v]!, slow[v]!);
        const m = (a * x) + ((1 - a) * s[at]!);
        a *= 0.5;
        const f = (a * m) + ((1 - a) * s[at + 1]!);
        s[at] = m;
        s[at + 1] = f;
        if (mamaRow) mamaRow[v] = m;
        if (famaRow) famaRow[v] = f;
      }
    },
  });
}
