import { multiplier, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { VARIANCE_NOTES } from './common.js';

const definition: IndicatorDef = {
  id: 'volatility.stddev',
  group: 'volatility',
  title: 'Standard deviation',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 100 }), multiplier('nbdev', [1], 'multiplier of the standard deviation')],
  outputs: [{ name: 'stddev', description: 'nbdev * population standard deviation of the last `window` values' }],
  lookback: 'window - 1',
  cost: 5,  // compensated window moments per variant
  convention: 'TA-Lib STDDEV',
  notes: `sqrt(variance) * nbdev, and 0 where the variance is below 1e-14, as TA-Lib. ${VARIANCE_NOTES}`,
};

export default definition;
