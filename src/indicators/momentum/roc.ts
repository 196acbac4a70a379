import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.roc',
  group: 'momentum',
  title: 'Rate of change',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 1, stop: 100 }, 1)],
  outputs: [{ name: 'roc', description: '(x / x[t-window] - 1) * 100' }],
  lookback: 'window',
  convention: 'TA-Lib ROC (0 where x[t-window] is 0)',
};

export default definition;
