import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLCV } from './common.js';

const definition: IndicatorDef = {
  id: 'volume.vwap_deviation',
  group: 'volume',
  title: 'Rolling VWAP with deviation bands',
  inputs: [...HLCV],
  params: [
    windowParam({ start: 10, stop: 200, step: 10 }),
    { name: 'mult', kind: 'float', min: 0, max: 10, default: [1, 1.5, 2, 2.5, 3], description: 'band width in standard deviations' },
  ],
  outputs: [
    { name: 'vwap', description: 'volume-weighted mean of the typical price over the window' },
    { name: 'upper', description: 'vwap + mult * stdev' },
    { name: 'lower', description: 'vwap - mult * stdev' },
    { name: 'stdev', description: 'volume-weighted population standard deviation of the typical price around vwap' },
  ],
  lookback: 'window - 1',
  convention:
    'Rolling VWAP of the typical price (H + L + C) / 3 with bands at +- mult * sqrt(sum(volume * (tp - vwap)^2) / sum(volume)) ' +
    'over the window (volume-weighted population standard deviation)',
  notes:
    'The weighted variance is accumulated without subtracting sums (Welford updates merged over chunks of the window), ' +
    'so a window whose traded typical prices are all equal has a stdev of exactly 0 at any price level. ' +
    'NaN where the window holds no volume.',
};

export default definition;
