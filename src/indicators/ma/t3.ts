import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.t3',
  group: 'ma',
  title: 'Tillson T3 moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [
    windowParam({ start: 5, stop: 60 }),
    { name: 'vfactor', kind: 'float', min: 0, max: 1, default: [0.5, 0.6, 0.7, 0.8, 0.9], description: 'volume factor a of the generalized DEMA: 0 is a 3-stage EMA, 1 the most lag reduction' },
    seedParam,
  ],
  outputs: [{ name: 't3', description: 'c1·e6 + c2·e5 + c3·e4 + c4·e3 over six chained EMAs' }],
  lookback: bySeed('6 * (window - 1)', '0'),
  convention: 'TA-Lib T3',
  notes:
    'As in TA-Lib, c1..c4 do not sum to exactly 1: a constant series of 100 gives 100.00000000000011.',
};

export default definition;
