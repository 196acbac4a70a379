import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'structure.zscore',
  group: 'structure',
  title: 'Rolling z-score',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 })],
  outputs: [{ name: 'zscore', description: '(source - mean) / population standard deviation over the window' }],
  lookback: 'window - 1',
  cost: 8,  // compensated window moments per variant
  convention: '(source - SMA(source, window)) / population standard deviation (divisor window) of the same window, current bar included',
  notes: 'NaN on a window of identical values (standard deviation 0). The variance does not cancel at high prices.',
};

export default definition;
