import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.rma',
  group: 'ma',
  title: "Wilder's moving average (RMA, SMMA)",
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 }), seedParam],
  outputs: [{ name: 'rma', description: 'alpha = 1/window, seeded with the SMA of the first window values' }],
  lookback: bySeed('window - 1', '0'),
  convention: "Wilder's smoothing r = (r·(n−1) + x)/n, seeded with the mean of the first n values (the smoothing of TA-Lib's RSI and ATR, applied to the source)",
  notes:
    'The first value is at bar window−1, the mean of the first window values; TradingView\'s ta.rma seeds the same way.',
};

export default definition;
