import { bySeed, multiplier, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLC, ATR_NOTE } from './common.js';

const definition: IndicatorDef = {
  id: 'trend.chandelier_exit',
  group: 'trend',
  title: 'Chandelier exit',
  inputs: [...HLC],
  params: [windowParam({ start: 5, stop: 50 }), multiplier('mult', [1.5, 2, 2.5, 3, 3.5, 4], 'distance from the extreme in ATRs'), seedParam],
  outputs: [
    { name: 'long', description: 'highest high of the last window bars - mult * ATR(window)' },
    { name: 'short', description: 'lowest low of the last window bars + mult * ATR(window)' },
  ],
  lookback: bySeed('window', 'window - 1'),
  convention: 'long = max(high, window) - mult * TA-Lib ATR(window), short = min(low, window) + mult * ATR (LeBeau)',
  notes: ATR_NOTE,
};

export default definition;
