import type { IndicatorDef } from '../types.js';
import { BANDS_LOOKBACK, BANDS_MATYPE_NOTES, bandMatype, bandWindow, bandMult } from './common.js';

const definition: IndicatorDef = {
  id: 'volatility.bbands_percent_b',
  group: 'volatility',
  title: 'Bollinger %b',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [bandWindow, bandMult, bandMatype],
  outputs: [{ name: 'percent_b', description: '(source - lower) / (upper - lower)', sparse: true }],
  lookback: BANDS_LOOKBACK,
  cost: 5,  // compensated window moments per window (shared by its mults)
  convention: '(source - lower) / (upper - lower) of volatility.bbands (TA-Lib BBANDS); NaN where the bands meet',
  notes: 'The bands meet on flat windows (and wherever TA-Lib takes the standard deviation as 0), so %b is NaN there. ' + BANDS_MATYPE_NOTES,
};

export default definition;
