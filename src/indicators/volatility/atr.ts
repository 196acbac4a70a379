import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'volatility.atr',
  group: 'volatility',
  title: 'Average true range',
  inputs: ['high', 'low', 'close'],
  params: [windowParam({ start: 5, stop: 100 }, 1), seedParam],
  outputs: [{ name: 'atr', description: "Wilder's smoothing of the true range" }],
  lookback: bySeed('window', '0'),
  convention: 'TA-Lib ATR',
};

export default definition;
