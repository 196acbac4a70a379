import { bySeed, seedParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { fast, macdOutputs, slow, signal } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.macd',
  group: 'momentum',
  title: 'Moving average convergence/divergence',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [fast, slow, signal, seedParam],
  outputs: macdOutputs('fast EMA - slow EMA'),
  lookback: bySeed('max(fast, slow) - 1 + signal - 1', '0'),
  convention: 'TA-Lib MACD',
  notes:
    "As TA-Lib, the fast EMA is seeded on the slow EMA's first bar with the mean of the `fast` values ending there, " +
    'and all three outputs start on the first bar of the signal line. fast > slow is swapped.',
};

export default definition;
