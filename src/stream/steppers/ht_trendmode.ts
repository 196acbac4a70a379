// cycle.ht_trendmode, stepped: TrendMode in native/cycle/ht_trendmode.h. Per
// source run, after the transform: the sine and lead sine, and the bars since
// the last crossing of the two.
import { DC_PHASE, DEG2RAD, EXTRA, hilbertStepper, put, SMOOTH_PERIOD, smoothPrice, trendline, updatePhase } from './hilbert.js';
import { sin } from './fdlibm.js';
import type { Stepper, StepperContext } from './types.js';

const SINE = EXTRA, LEAD_SINE = EXTRA + 1, DAYS_IN_TREND = EXTRA + 2;

export default function htTrendmode(ctx: StepperContext): Stepper {
  return hilbertStepper(ctx, {
    warmup: 34,
    lookback: 63,
    extra: 3,
    bar(s, o, _x, rows, v0, v1) {
      const prevPhase = s[o + DC_PHASE]!;
      updatePhase(s, o);
      const dcPhase = s[o + DC_PHASE]!, smoothPeriod = s[o + SMOOTH_PERIOD]!;
      const prevSine = s[o + SINE]!, prevLeadSine = s[o + LEAD_SINE]!;
      const sine = sin(dcPhase * DEG2RAD), leadSine = sin((dcPhase + 45) * DEG2RAD);
      s[o + SINE] = sine;
      s[o + LEAD_SINE] = leadSine;
      const line = trendline(s, o);
      let trend = 1;
      if ((sine > leadSine && prevSine <= prevLeadSine) || (sine < leadSine && prevSine >= prevLeadSine)) {
        s[o + DAYS_IN_TREND] = 0;
        trend = 0;
      }
      const days = s[o + DAYS_IN_TREND]! + 1;
      s[o + DAYS_IN_TREND] = days;
      if (days < 0.5 * smoothPeriod) trend = 0;
      const advance = dcPhase - prevPhase;
      if (smoothPeriod !== 0.0 && advance > 0.67 * 360.0 / smoothPeriod && advance < 1.5 * 360.0 / smoothPeriod) trend = 0;
      const price = smoothPrice(s, o);
      if (line !== 0.0 && Math.abs((price - line) / line) >= 0.015) trend = 1;
      put(rows, 0, v0, v1, trend);
    },
  });
}
