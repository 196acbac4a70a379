import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'volatility.natr',
  group: 'volatility',
  title: 'Normalized average true range',
  inputs: ['high', 'low', 'close'],
  params: [windowParam({ start: 5, stop: 100 }, 1), seedParam],
  outputs: [{ name: 'natr', description: 'ATR / close * 100' }],
  lookback: bySeed('window', '0'),
  convention: 'TA-Lib NATR',
  notes: 'NaN where the close is 0 (TA-Lib writes 0 there, to the wrong output slot).',
};

export default definition;
