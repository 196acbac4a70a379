// What the candle-anatomy steppers share (structure.candle_stats,
// structure.candle_stats_atr_norm, structure.distance_to_ma_norm):
// candleShape of native/structure/common.h.
import type { StepperContext } from './types.js';
import { inputIndices } from './wilder.js';

/** Index in step()'s bar of the open, high, low and close. */
export function ohlcOf(ctx: StepperContext): Int32Array {
  return inputIndices(ctx, ['open', 'high', 'low', 'close']);
}

/** candleShape into k: body, range, upper wick, lower wick, in the kernel's operations. */
export function candleShape(open: number, high: number, low: number, close: number, k: Float64Array): void {
  const top = open > close ? open : close, bottom = open > close ? close : open;
  k[0] = top - bottom;
  k[1] = high - low;
  k[2] = high - top;
  k[3] = bottom - low;
}
