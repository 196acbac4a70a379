import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.bop',
  group: 'momentum',
  title: 'Balance of power',
  inputs: ['open', 'high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'bop', description: '(close - open) / (high - low), 0 when high - low < 1e-14' }],
  lookback: '0',
  convention: 'TA-Lib BOP',
};

export default definition;
