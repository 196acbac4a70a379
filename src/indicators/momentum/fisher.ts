import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.fisher',
  group: 'momentum',
  title: 'Fisher transform',
  inputs: ['high', 'low'],
  params: [windowParam({ start: 5, stop: 100 })],
  outputs: [
    { name: 'fisher', description: '0.5 * ln((1 + v) / (1 - v)) + 0.5 * previous fisher' },
    { name: 'trigger', description: "the previous bar's fisher" },
  ],
  lookback: { fisher: 'window - 1', trigger: 'window' },
  cost: 4,  // a window high and low, a log per value
  convention:
    "Ehlers' Fisher transform (Cybernetic Analysis for Stocks and Futures, 2004) of hl2 = (high + low) / 2: " +
    'v = clamp(0.33 * 2 * ((hl2 - LL) / (HH - LL) - 0.5) + 0.67 * previous v, +-0.999) with HH, LL the highest and lowest hl2 ' +
    'over the window, fisher = 0.5 * ln((1 + v) / (1 - v)) + 0.5 * previous fisher, trigger = previous fisher',
  notes:
    'v and fisher start from 0 on the first full window, so fisher starts at bar window - 1 and trigger one bar later. ' +
    'A window with HH = LL counts as position 0 (the middle of the range) instead of a division by zero, so the recursion goes on.',
};

export default definition;
