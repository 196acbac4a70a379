import type { IndicatorDef } from '../types.js';
import { macdOutputs, signal } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.macdfix',
  group: 'momentum',
  title: 'MACD with fixed 12/26 factors',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [signal],
  outputs: macdOutputs('12-bar EMA (k = 0.15) - 26-bar EMA (k = 0.075)'),
  lookback: '26 - 1 + signal - 1',
  convention: 'TA-Lib MACDFIX',
  notes:
    "As TA-Lib, the EMAs use the fixed smoothing factors 0.15 and 0.075 rather than 2/13 and 2/27, and are seeded like momentum.macd's " +
    '(the mean of the first 12 or 26 values, the fast one ending on the slow one\'s first bar).',
};

export default definition;
