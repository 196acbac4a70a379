import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.hma',
  group: 'ma',
  title: 'Hull moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 })],
  outputs: [{ name: 'hma', description: 'WMA(2·WMA(x, window/2) − WMA(x, window), floor(√window))' }],
  lookback: 'window + floor(sqrt(window)) - 2',
  cost: 5,  // three WMAs per value
  sharesWindowSums: true,
  convention: "Alan Hull's HMA: WMA(2·WMA(x, floor(n/2)) − WMA(x, n), floor(√n)), every WMA as TA-Lib's WMA",
  notes:
    'The first value is at bar n + floor(√n) − 2, when the outer WMA has floor(√n) differences. Windows 2 and 3 have an inner span of 1.',
};

export default definition;
