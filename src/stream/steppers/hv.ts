// volatility.hv, stepped: the moments of the log returns log1p((x[t] -
// x[t-1]) / x[t-1]) (NaN unless both prices are positive), sqrt(variance) *
// 100 * sqrt(annualization) (native/volatility/hv.h).
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { momentsStepper } from './moments.js';

export default function hv(ctx: StepperContext): Stepper {
  const scale = paramOf(ctx, 'annualization').map((a) => 100.0 * Math.sqrt(a));
  return momentsStepper(ctx, { row: 'hv', scale }, true);
}
