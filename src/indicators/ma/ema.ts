import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.ema',
  group: 'ma',
  title: 'Exponential moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 }), seedParam],
  outputs: [{ name: 'ema', description: 'k = 2/(window+1), seeded with the SMA of the first window values' }],
  lookback: bySeed('window - 1', '0'),
  convention: 'TA-Lib EMA',
};

export default definition;
