import type { IndicatorDef } from '../types.js';
import { BANDS_LOOKBACK, BANDS_MATYPE_NOTES, bandMatype, bandWindow, bandMult } from './common.js';

const definition: IndicatorDef = {
  id: 'volatility.bbands_bandwidth',
  group: 'volatility',
  title: 'Bollinger bandwidth',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [bandWindow, bandMult, bandMatype],
  outputs: [{ name: 'bandwidth', description: '(upper - lower) / mid' }],
  lookback: BANDS_LOOKBACK,
  cost: 5,  // compensated window moments per window (shared by its mults)
  convention: '(upper - lower) / mid of volatility.bbands (TA-Lib BBANDS); NaN where mid is 0',
  notes: BANDS_MATYPE_NOTES,
};

export default definition;
