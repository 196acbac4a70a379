import type { IndicatorDef } from '../types.js';
import { kWindow, kSmoothing, dWindow, KD_NOTES, kdZeroDenominator } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.stoch',
  group: 'momentum',
  title: 'Stochastic oscillator (slow)',
  inputs: ['high', 'low', 'close'],
  params: [kWindow, kSmoothing, dWindow, kdZeroDenominator],
  outputs: [
    { name: 'k', description: 'slow %K: SMA over k_smoothing of fast %K = 100 * (close - LL) / (HH - LL), 0 when HH = LL' },
    { name: 'd', description: 'slow %D: SMA of slow %K over d_window' },
  ],
  lookback: 'k_window - 1 + k_smoothing - 1 + d_window - 1',
  convention: 'TA-Lib STOCH (slowK and slowD matype 0: SMA)',
  notes: `${KD_NOTES} The SMAs are TA-Lib's running sums (add the newest value, then drop the oldest).`,
};

export default definition;
