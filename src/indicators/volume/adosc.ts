import { period } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLCV } from './common.js';

const definition: IndicatorDef = {
  id: 'volume.adosc',
  group: 'volume',
  title: 'Chaikin A/D oscillator',
  inputs: [...HLCV],
  params: [
    period('fast', 2, [2, 3, 5, 8, 10], 'fast EMA period'),
    period('slow', 2, { start: 10, stop: 60, step: 5 }, 'slow EMA period'),
  ],
  outputs: [{ name: 'adosc', description: 'EMA(AD, fast) - EMA(AD, slow)' }],
  lookback: 'max(fast, slow) - 1',
  convention: 'TA-Lib ADOSC',
  notes:
    'As TA-Lib, both EMAs start from the first AD value (no SMA seed) and update as k * x + (1 - k) * e with ' +
    'k = 2 / (period + 1); the line is emitted from bar max(fast, slow) - 1. fast > slow is computed as given.',
};

export default definition;
