// structure.candle_stats, stepped: native/structure/candle_stats.h. No
// state: each bar's candleShape, and body and wicks as percentages of the
// range (NaN at a zero range); NaN on a bar missing one of its prices.
import { lastBarsPrelude, type Stepper, type StepperContext } from './types.js';
import { candleShape, ohlcOf, ratioOrNaN } from './candles.js';

export default function candleStats(ctx: StepperContext): Stepper {
  const [o, h, l, c] = ohlcOf(ctx) as unknown as [number, number, number, number];
  const k = new Float64Array(4);
  const stepper: Stepper = {
    state: new Float64Array(0),
    step(bar, rows) {
      const open = bar[o]!, high = bar[h]!, low = bar[l]!, close = bar[c]!;
      const valid = open === open && high === high && low === low && close === close;
      candleShape(open, high, low, close, k);
      // body, range, upper_wick, lower_wick, then body, upper and lower wick in percent of the range.
      for (let i = 0; i < 4; i++) rows[i]?.fill(valid ? k[i]! : NaN);
      for (let i = 0; i < 3; i++) rows[4 + i]?.fill(valid ? 100.0 * ratioOrNaN(k[i === 0 ? 0 : i + 1]!, k[1]!) : NaN);
    },
  };
  // Each bar alone: batches take the kernel, without a prelude.
  return { ...stepper, prelude: lastBarsPrelude(stepper, 1) };
}
