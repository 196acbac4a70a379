import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.dema',
  group: 'ma',
  title: 'Double exponential moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 }), seedParam],
  outputs: [{ name: 'dema', description: '2·EMA − EMA(EMA), each EMA seeded with the mean of its first window inputs' }],
  lookback: bySeed('2 * (window - 1)', '0'),
  convention: 'TA-Lib DEMA',
};

export default definition;
