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
