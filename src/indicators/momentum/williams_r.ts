import { windowParam, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.williams_r',
  group: 'momentum',
  title: 'Williams %R',
  inputs: ['high', 'low', 'close'],
  params: [windowParam({ start: 5, stop: 100 }), zeroDenominatorParam('highest high = lowest low; TA-Lib 0')],
  outputs: [{ name: 'williams_r', description: '-100 * (HH - close) / (HH - LL) over the window, in [-100, 0]; 0 when HH = LL' }],
  lookback: 'window - 1',
  convention: 'TA-Lib WILLR',
};

export default definition;
