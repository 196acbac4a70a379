import { bySeed, seedParam, windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.tema',
  group: 'ma',
  title: 'Triple exponential moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 }), seedParam],
  outputs: [{ name: 'tema', description: 'E3 + (3·E1 − 3·E2) over three chained EMAs' }],
  lookback: bySeed('3 * (window - 1)', '0'),
  cost: 2.5,  // three chained EMAs: wasm time per value about 2.5x EMA's (default grids, npm run bench -- --suite wasm)
  convention: 'TA-Lib TEMA',
};

export default definition;
