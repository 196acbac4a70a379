import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { VARIANCE_NOTES } from './common.js';

const definition: IndicatorDef = {
  id: 'volatility.variance',
  group: 'volatility',
  title: 'Variance',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 100 }, 1)],
  outputs: [{ name: 'variance', description: 'population variance of the last `window` values' }],
  lookback: 'window - 1',
  cost: 5,  // compensated window moments per variant
  convention: 'TA-Lib VAR',
  notes: VARIANCE_NOTES,
};

export default definition;
