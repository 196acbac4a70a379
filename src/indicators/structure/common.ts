// What several structure definitions share.
import { windowParam } from '../params.js';
import type { IndicatorDef, ParamDef } from '../types.js';

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

/** A statistic of two series, on the `source` and `source2` axes (TA-Lib BETA and CORREL: inReal0 and inReal1), over a window. */
export function twoSeries(def: { name: string; title: string; window: ParamDef; description: string; lookback: string; notes: string; cost?: number }): IndicatorDef {
  return {
    id: `structure.${def.name}`,
    group: 'structure',
    title: def.title,
    inputs: ['source', 'source2'],
    defaultSource: ['close'],
    defaultSource2: ['open'],
    params: [def.window],
    outputs: [{ name: def.name, description: def.description }],
    lookback: def.lookback,
    convention: `TA-Lib ${def.name.toUpperCase()} (inReal0 = source, inReal1 = source2)`,
    notes: def.notes,
    ...(def.cost !== undefined ? { cost: def.cost } : {}),
  };
}
