// volatility.tr, stepped: native/volatility/tr.h. The true range from the
// previous close, NaN on the first bar of a run of valid bars (high, low and
// close). State: the previous bar's close, NaN when that bar was not valid.
import { lastBarsPrelude, type Stepper, type StepperContext } from './types.js';
import { trueRange } from './primitives.js';

export default function tr(ctx: StepperContext): Stepper {
  const [h, l, c] = (['high', 'low', 'close'] as const).map((s) => ctx.sourceIndex(s));
  const state = new Float64Array([NaN]);
  const stepper: Stepper = {
    state,
    step(bar, rows) {
      const high = bar[h!]!, low = bar[l!]!, close = bar[c!]!;
      const prev = state[0]!;
      const valid = high === high && low === low && close === close;
      state[0] = valid ? close : NaN;
      // The kernel adds trGap, 0 for two valid bars: r + 0 is r for r >= 0.
      rows[0]?.fill(valid && prev === prev ? trueRange(high, low, prev) : NaN);
    },
  };
  // The kernel reads bar t - 1's close and whether it was valid: a prelude of one bar whose
  // prices are all that close (NaN after an invalid bar; its own row is dropped).
  return { ...stepper, prelude: lastBarsPrelude(stepper, 2, (into) => { for (const x of into) x.fill(state[0]!); }) };
}
