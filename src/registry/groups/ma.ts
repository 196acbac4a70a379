import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

export const ma: readonly IndicatorDef[] = [
  {
    id: 'ma.sma',
    group: 'ma',
    title: 'Simple moving average',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 200 })],
    outputs: [{ name: 'sma', description: 'mean of the last `window` values' }],
    lookback: (p) => p.window! - 1,
    convention: 'TA-Lib SMA',
  },
  {
    id: 'ma.ema',
    group: 'ma',
    title: 'Exponential moving average',
    inputs: ['source'],
    defaultSource: ['close'],
    params: [windowParam({ start: 5, stop: 200 })],
    outputs: [{ name: 'ema', description: 'k = 2/(window+1), seeded with the SMA of the first window values' }],
    lookback: (p) => p.window! - 1,
    convention: 'TA-Lib EMA',
  },
];
