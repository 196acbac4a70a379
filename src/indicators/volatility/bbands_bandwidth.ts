import type { IndicatorDef } from '../types.js';
import { bandWindow, bandMult } from './common.js';

const definition: IndicatorDef = {
  id: 'volatility.bbands_bandwidth',
  group: 'volatility',
  title: 'Bollinger bandwidth',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [bandWindow, bandMult],
  outputs: [{ name: 'bandwidth', description: '(upper - lower) / mid' }],
  lookback: 'window - 1',
  convention: '(upper - lower) / mid of volatility.bbands (TA-Lib BBANDS, matype 0); NaN where mid is 0',
};

export default definition;
