import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLCV } from './common.js';

const definition: IndicatorDef = {
  id: 'volume.vwap',
  group: 'volume',
  title: 'Rolling VWAP',
  inputs: [...HLCV],
  params: [windowParam({ start: 10, stop: 200, step: 10 })],
  outputs: [{ name: 'vwap', description: 'volume-weighted mean of the typical price over the window' }],
  lookback: 'window - 1',
  convention: 'Rolling VWAP: sum of typical price * volume over the window / sum of volume; typical price (H + L + C) / 3 as TA-Lib TYPPRICE',
  notes: 'A rolling window, not a session-anchored VWAP. NaN where the window holds no volume.',
};

export default definition;
