import { bySeed, multiplier, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLC, ATR_NOTE } from './common.js';

const definition: IndicatorDef = {
  id: 'trend.supertrend',
  group: 'trend',
  title: 'Supertrend',
  inputs: [...HLC],
  params: [windowParam({ start: 5, stop: 50 }), multiplier('mult', [1, 1.5, 2, 2.5, 3, 3.5, 4], 'band distance in ATRs'), seedParam],
  outputs: [
    { name: 'supertrend', description: 'the lower band in an uptrend, the upper band in a downtrend' },
    { name: 'direction', description: '+1 uptrend, -1 downtrend' },
  ],
  lookback: bySeed('window', '0'),
  convention: 'bands (H+L)/2 +- mult * TA-Lib ATR(window); a band moves against its trend only when the previous close broke it; the trend flips when the close crosses the opposite band (TradingView ta.supertrend)',
  notes:
    `${ATR_NOTE} The lower band rises, or resets to its basic value when the previous close was below it; the upper ` +
    'band likewise falls or resets. In a downtrend a close above the upper band turns it up; in an uptrend a close ' +
    'below the lower band turns it down. The first bar (window) starts in a downtrend, as TradingView does.',
};

export default definition;
