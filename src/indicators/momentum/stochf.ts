import type { IndicatorDef } from '../types.js';
import { kWindow, dWindow, KD_NOTES, kdZeroDenominator } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.stochf',
  group: 'momentum',
  title: 'Stochastic oscillator (fast)',
  inputs: ['high', 'low', 'close'],
  params: [kWindow, dWindow, kdZeroDenominator],
  outputs: [
    { name: 'k', description: 'fast %K = 100 * (close - LL) / (HH - LL) over k_window, 0 when HH = LL' },
    { name: 'd', description: 'fast %D: SMA of fast %K over d_window' },
  ],
  lookback: 'k_window - 1 + d_window - 1',
  convention: 'TA-Lib STOCHF (fastD matype 0: SMA)',
  notes: KD_NOTES,
};

export default definition;
