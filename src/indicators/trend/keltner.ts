import { bySeed, multiplier, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLC, ATR_NOTE } from './common.js';

const definition: IndicatorDef = {
  id: 'trend.keltner',
  group: 'trend',
  title: 'Keltner channel',
  inputs: [...HLC],
  params: [windowParam({ start: 5, stop: 50 }), multiplier('mult', [1, 1.5, 2, 2.5, 3], 'band distance in ATRs'), seedParam],
  outputs: [
    { name: 'middle', description: 'EMA(window) of the typical price (high + low + close) / 3' },
    { name: 'upper', description: 'middle + mult * ATR(window)' },
    { name: 'lower', description: 'middle - mult * ATR(window)' },
  ],
  lookback: { middle: bySeed('window - 1', '0'), upper: bySeed('window', '0'), lower: bySeed('window', '0') },
  convention: 'middle = EMA(window) of (H+L+C)/3 seeded like TA-Lib EMA; upper/lower = middle +- mult * TA-Lib ATR(window) (Keltner, ATR bands as popularized by Raschke)',
  notes: ATR_NOTE,
};

export default definition;
