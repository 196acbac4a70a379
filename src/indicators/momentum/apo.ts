import { bySeed, seedParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { fast, slow } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.apo',
  group: 'momentum',
  title: 'Absolute price oscillator',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [fast, slow, seedParam],
  outputs: [{ name: 'apo', description: 'fast EMA - slow EMA' }],
  lookback: bySeed('max(fast, slow) - 1', '0'),
  convention: 'TA-Lib APO (matype 1: EMA)',
  notes: 'The two EMAs are seeded independently (TA-Lib APO with matype 1), unlike MACD. fast > slow is swapped.',
};

export default definition;
