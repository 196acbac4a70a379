import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'volatility.atr',
  group: 'volatility',
  title: 'Average true range',
  inputs: ['high', 'low', 'close'],
  params: [windowParam({ start: 5, stop: 100 }, 1)],
  outputs: [{ name: 'atr', description: "Wilder's smoothing of the true range" }],
  lookback: 'window',
  convention: 'TA-Lib ATR',
};

export default definition;
