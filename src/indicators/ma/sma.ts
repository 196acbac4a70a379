import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.sma',
  group: 'ma',
  title: 'Simple moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 })],
  outputs: [{ name: 'sma', description: 'mean of the last `window` values' }],
  lookback: 'window - 1',
  convention: 'TA-Lib SMA',
};

export default definition;
