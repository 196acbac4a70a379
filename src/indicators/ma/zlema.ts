import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.zlema',
  group: 'ma',
  title: 'Zero-lag exponential moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 }), seedParam],
  outputs: [{ name: 'zlema', description: 'EMA of x + (x − x[t−lag]), lag = floor((window−1)/2)' }],
  lookback: bySeed('floor((window - 1) / 2) + window - 1', 'floor((window - 1) / 2)'),
  convention: "Ehlers and Way's zero-lag EMA: EMA(x + (x − x[t−lag]), n), lag = floor((n−1)/2), the EMA as TA-Lib's (k = 2/(n+1), seeded with the mean of its first n inputs)",
  notes:
    'The de-lagged series starts at bar lag, so the first value is at bar lag + n − 1. Window 2 has lag 0: a plain EMA.',
};

export default definition;
