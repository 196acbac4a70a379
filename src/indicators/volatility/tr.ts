import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'volatility.tr',
  group: 'volatility',
  title: 'True range',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'tr', description: 'max(high - low, |high - previous close|, |low - previous close|)' }],
  lookback: '1',
  convention: 'TA-Lib TRANGE',
  notes: 'The first bar, and the first bar after a gap, have no previous close and are NaN.',
};

export default definition;
