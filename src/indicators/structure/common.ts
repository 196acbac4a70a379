// What several structure definitions share.
import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

export const OHLC = ['open', 'high', 'low', 'close'] as const;

/** One output over the `source` axis and a window of the last n values (TA-Lib MAX, MIN, SUM, MIDPOINT). */
export function windowed(name: string, title: string, description: string, convention: string): IndicatorDef {
  return {
    id: `structure.${name}`,
    group: 'structure',
    title,
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 200 })],
    outputs: [{ name, description }],
    lookback: 'window - 1',
    convention,
  };
}

const INDEX_NOTES =
  'Values are bar indexes into the candles given (0 = the first candle), as TA-Lib returns them; t - index is how many bars ago ' +
  'the extreme was. Ties follow TA-Lib, whose choice depends on the path: the bar found on the previous bar stays while it is in ' +
  'the window and a new bar with an equal value (or beyond) takes over; when it leaves the window, the first extreme bar of the ' +
  'window is taken. float32 output holds indexes exactly up to 2^24.';

/** TA-Lib MAXINDEX, MININDEX, MINMAXINDEX: where the window's extremes are, as bar indexes. */
export function extremeIndexes(name: string, title: string, outputs: IndicatorDef['outputs'], convention: string): IndicatorDef {
  return { ...windowed(name, title, '', convention), outputs, notes: INDEX_NOTES };
}
