import { bySeed, period, seedParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { OHLC } from './common.js';

const definition: IndicatorDef = {
  id: 'structure.candle_stats_atr_norm',
  group: 'structure',
  title: 'Candle anatomy in ATRs',
  inputs: [...OHLC],
  params: [period('atr_window', 1, [5, 7, 10, 14, 20, 30, 50, 100], 'ATR period'), seedParam],
  outputs: [
    { name: 'body', description: '|close - open| / ATR' },
    { name: 'range', description: '(high - low) / ATR' },
    { name: 'upper_wick', description: '(high - max(open, close)) / ATR' },
    { name: 'lower_wick', description: '(min(open, close) - low) / ATR' },
  ],
  lookback: bySeed('atr_window', '0'),
  convention: 'Candle lengths (as structure.candle_stats) divided by TA-Lib ATR(atr_window) (Wilder smoothing of the true range)',
  notes: 'NaN where the ATR is 0.',
};

export default definition;
