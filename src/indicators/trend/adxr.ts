import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLC } from './common.js';

const definition: IndicatorDef = {
  id: 'trend.adxr',
  group: 'trend',
  title: 'Average directional index rating',
  inputs: [...HLC],
  params: [windowParam({ start: 5, stop: 50 })],
  outputs: [{ name: 'adxr', description: '(ADX + ADX window-1 bars earlier) / 2' }],
  lookback: '3 * window - 2',
  convention: 'TA-Lib ADXR',
};

export default definition;
