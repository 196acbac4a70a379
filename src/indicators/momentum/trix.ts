import { bySeed, seedParam, windowParam, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.trix',
  group: 'momentum',
  title: 'Triple exponential average rate of change',
  inputs: ['source'],
  defaultSource: ['close'],
  cost: 3,  // three chained EMAs and a ratio: wasm time per value about 3x EMA's (default grids, npm run bench -- --suite wasm)
  params: [windowParam({ start: 5, stop: 60 }, 1), seedParam, zeroDenominatorParam('E3[t-1] is 0; TA-Lib 0')],
  outputs: [{ name: 'trix', description: '100 * (E3 / E3[t-1] - 1), E3 = EMA(EMA(EMA(x))); 0 where E3[t-1] is 0' }],
  lookback: bySeed('3 * (window - 1) + 1', '1'),
  convention: 'TA-Lib TRIX',
};

export default definition;
