import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'structure.distance_to_ma_norm',
  group: 'structure',
  title: 'Distance to EMA in ATRs',
  inputs: ['source', 'high', 'low', 'close'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 100 }), seedParam],
  outputs: [{ name: 'distance_to_ma_norm', description: '(source - EMA(source, window)) / ATR(window)' }],
  lookback: bySeed('window', '0'),
  convention: '(source - TA-Lib EMA(source, window)) / TA-Lib ATR(window)',
  notes: "Starts at the ATR's first bar (window); NaN where the ATR is 0.",
};

export default definition;
