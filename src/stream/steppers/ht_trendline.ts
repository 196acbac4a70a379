// ma.ht_trendline, stepped: the transform's instantaneous trendline (native/ma/ht_trendline.h).
import { hilbertStepper, put, trendline } from './hilbert.js';
import type { Stepper, StepperContext } from './types.js';

export default function htTrendline(ctx: StepperContext): Stepper {
  return hilbertStepper(ctx, {
    warmup: 34,
    lookback: 63,
    bar(s, o, _x, rows, v0, v1) {
      put(rows, 0, v0, v1, trendline(s, o));
    },
  });
}
