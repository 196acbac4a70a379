import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'trend.donchian',
  group: 'trend',
  title: 'Donchian channel',
  inputs: ['high', 'low'],
  params: [windowParam({ start: 5, stop: 100 })],
  outputs: [
    { name: 'upper', description: 'highest high of the last window bars' },
    { name: 'lower', description: 'lowest low of the last window bars' },
    { name: 'mid', description: '(upper + lower) / 2' },
  ],
  lookback: 'window - 1',
  convention: 'upper = max(high), lower = min(low) over the last window bars, current bar included; mid = (upper + lower) / 2, equal to TA-Lib MIDPRICE (Donchian)',
};

export default definition;
