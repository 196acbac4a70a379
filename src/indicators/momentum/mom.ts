import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.mom',
  group: 'momentum',
  title: 'Momentum',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 1, stop: 100 }, 1)],
  outputs: [{ name: 'mom', description: 'x - x[t-window]' }],
  lookback: 'window',
  convention: 'TA-Lib MOM',
};

export default definition;
