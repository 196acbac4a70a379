import { WINDOW_MAX, windowParam } from '../params.js';
import type { IndicatorDef, ParamDef } from '../types.js';

const HLCV = ['high', 'low', 'close', 'volume'] as const;

function period(name: string, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'int', min: 2, max: WINDOW_MAX, default: defaults, description };
}

export const volume: readonly IndicatorDef[] = [
  {
    id: 'volume.obv',
    group: 'volume',
    title: 'On-balance volume',
    inputs: ['close', 'volume'],
    params: [],
    outputs: [{ name: 'obv', description: 'running sum of volume, added when the close rises and subtracted when it falls' }],
    lookback: () => 0,
    convention: 'TA-Lib OBV',
    notes: "Starts at the first bar's volume, as TA-Lib does, and again after every gap.",
  },
  {
    id: 'volume.ad',
    group: 'volume',
    title: 'Accumulation/distribution line',
    inputs: [...HLCV],
    params: [],
    outputs: [{ name: 'ad', description: 'running sum of ((close - low) - (high - close)) / (high - low) * volume' }],
    lookback: () => 0,
    convention: 'TA-Lib AD',
    notes: 'A bar with high = low adds nothing. The sum restarts from 0 after a gap.',
  },
  {
    id: 'volume.adosc',
    group: 'volume',
    title: 'Chaikin A/D oscillator',
    inputs: [...HLCV],
    params: [
      period('fast', [2, 3, 5, 8, 10], 'fast EMA period'),
      period('slow', { start: 10, stop: 60, step: 5 }, 'slow EMA period'),
    ],
    outputs: [{ name: 'adosc', description: 'EMA(AD, fast) - EMA(AD, slow)' }],
    lookback: (p) => Math.max(p.fast!, p.slow!) - 1,
    convention: 'TA-Lib ADOSC',
    notes:
      'As TA-Lib, both EMAs start from the first AD value (no SMA seed) and update as k * x + (1 - k) * e with ' +
      'k = 2 / (period + 1); the line is emitted from bar max(fast, slow) - 1. fast > slow is computed as given.',
  },
  {
    id: 'volume.mfi',
    group: 'volume',
    title: 'Money flow index',
    inputs: [...HLCV],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [{ name: 'mfi', description: '100 * positive flow / (positive + negative flow) over the window' }],
    lookback: (p) => p.window!,
    convention: 'TA-Lib MFI',
    notes:
      "A bar's flow is typical price * volume, positive when the typical price rose from the previous bar, negative " +
      'when it fell, neither when equal. 0 when positive + negative flow is below 1, as in TA-Lib.',
  },
  {
    id: 'volume.cmf',
    group: 'volume',
    title: 'Chaikin money flow',
    inputs: [...HLCV],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [{ name: 'cmf', description: 'money-flow volume summed over the window / volume summed over it' }],
    lookback: (p) => p.window! - 1,
    convention:
      'Chaikin money flow: sum of ((close - low) - (high - close)) / (high - low) * volume over the window divided by ' +
      'the sum of volume (money-flow volume as in TA-Lib AD: 0 for a bar with high = low)',
    notes: 'NaN where the window holds no volume.',
  },
  {
    id: 'volume.volume_sma',
    group: 'volume',
    title: 'Volume moving average',
    inputs: ['volume'],
    params: [windowParam({ start: 5, stop: 100 })],
    outputs: [{ name: 'volume_sma', description: 'mean of the last `window` volumes' }],
    lookback: (p) => p.window! - 1,
    convention: 'Sum of the last `window` volumes / window (TA-Lib SMA applied to the volume column)',
  },
  {
    id: 'volume.vwap',
    group: 'volume',
    title: 'Rolling VWAP',
    inputs: [...HLCV],
    params: [windowParam({ start: 10, stop: 200, step: 10 })],
    outputs: [{ name: 'vwap', description: 'volume-weighted mean of the typical price over the window' }],
    lookback: (p) => p.window! - 1,
    convention: 'Rolling VWAP: sum of typical price * volume over the window / sum of volume; typical price (H + L + C) / 3 as TA-Lib TYPPRICE',
    notes: 'A rolling window, not a session-anchored VWAP. NaN where the window holds no volume.',
  },
  {
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
    lookback: (p) => p.window! - 1,
    convention:
      'Rolling VWAP of the typical price (H + L + C) / 3 with bands at +- mult * sqrt(sum(volume * (tp - vwap)^2) / sum(volume)) ' +
      'over the window (volume-weighted population standard deviation)',
    notes:
      'The weighted variance is accumulated without subtracting sums (Welford updates merged over chunks of the window), ' +
      'so a window whose traded typical prices are all equal has a stdev of exactly 0 at any price level. ' +
      'NaN where the window holds no volume.',
  },
];
