// structure.candle_stats, stepped: native/structure/candle_stats.h. No
// state: each bar's candleShape, and body and wicks as percentages of the
// range (NaN at a zero range); NaN on a bar missing one of its prices.
import { lastBarsPrelude, type Stepper, type StepperContext } from './types.js';
import { candleShape, ohlcOf } from './candles.js';

export default function candleStats(ctx: StepperContext): Stepper {
  const [o, h, l, c] = ohlcOf(ctx) as unknown as [number, number, number, number];
  const k = new Float64Array(4), values = new Float64Array(7);
  const stepper: Stepper = {
    state: new Float64Array(0),
    step(bar, rows) {
      const open = bar[o]!, high = bar[h]!, low = bar[l]!, close = bar[c]!;
      const valid = open === open && high === high && low === low && close === close;
      candleShape(open, high, low, close, k);
      // body, range, upper_wick, lower_wick, then body, upper and lower wick in percent of the range
      // (ratioOrNaN in native/structure/common.h), into `values`, each NaN a store of its own, then copied into the rows: fill() with
      // a number, a call, boxed each of the seven.
      for (let i = 0; i < 4; i++) values[i] = k[i]!;
      for (let i = 0; i < 3; i++) {
        const by = k[1]!;
        if (by !== 0.0) values[4 + i] = 100.0 * (k[i === 0 ? 0 : i + 1]! / by);
        else values[4 + i] = NaN;
      }
      for (let i = 0; i < 7; i++) {
        const row = rows[i];
        if (!row) continue;
        if (!valid) row.fill(NaN);
        else for (let j = 0; j < row.length; j++) row[j] = values[i]!;
      }
    },
  };
  // Each bar alone: batches take the kernel, without a prelude.
  return { ...stepper, prelude: lastBarsPrelude(stepper, 1) };
}
