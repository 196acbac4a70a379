import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLC } from './common.js';

const definition: IndicatorDef = {
  id: 'trend.adxr',
  group: 'trend',
  title: 'Average directional index rating',
  inputs: [...HLC],
  params: [windowParam({ start: 5, stop: 50 }), seedParam],
  outputs: [{ name: 'adxr', description: '(ADX + ADX window-1 bars earlier) / 2' }],
  lookback: bySeed('3 * window - 2', 'window'),
  convention: 'TA-Lib ADXR',
  notes: "Seed 'first' is trend.adx's (its adx from bar 1), so adxr starts at bar window.",
};

export default definition;
