import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'ma.wma',
  group: 'ma',
  title: 'Weighted moving average',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 200 })],
  outputs: [{ name: 'wma', description: 'linear weights 1..window (newest heaviest), divided by window(window+1)/2' }],
  lookback: 'window - 1',
  cost: 3.5,  // window sums of every window up to the longest per bar (compensated running sums past 256): measured at 3.5x EMA per value before they were shared; a wide grid splits at any cost
  convention: 'TA-Lib WMA',
  sharesWindowSums: true,
};

export default definition;
