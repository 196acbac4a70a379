import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLCV } from './common.js';

const definition: IndicatorDef = {
  id: 'volume.cmf',
  group: 'volume',
  title: 'Chaikin money flow',
  inputs: [...HLCV],
  params: [windowParam({ start: 5, stop: 100 })],
  outputs: [{ name: 'cmf', description: 'money-flow volume summed over the window / volume summed over it' }],
  lookback: 'window - 1',
  convention:
    'Chaikin money flow: sum of ((close - low) - (high - close)) / (high - low) * volume over the window divided by ' +
    'the sum of volume (money-flow volume as in TA-Lib AD: 0 for a bar with high = low)',
  notes: 'NaN where the window holds no volume.',
};

export default definition;
