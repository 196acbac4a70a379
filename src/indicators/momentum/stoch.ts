import { maLookback, matypeParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { kWindow, kSmoothing, dWindow, KD_MATYPE_NOTES, KD_NOTES, dMatype, kdZeroDenominator } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.stoch',
  group: 'momentum',
  title: 'Stochastic oscillator (slow)',
  inputs: ['high', 'low', 'close'],
  params: [kWindow, kSmoothing, dWindow, kdZeroDenominator, matypeParam('slowk_matype', 'sma', 'slow %K (the smoothing of fast %K)'), dMatype('slowd_matype')],
  outputs: [
    { name: 'k', description: 'slow %K: MA over k_smoothing of fast %K = 100 * (close - LL) / (HH - LL), 0 when HH = LL' },
    { name: 'd', description: 'slow %D: MA of slow %K over d_window' },
  ],
  lookback: `k_window - 1 + ${maLookback('slowk_matype', 'k_smoothing')} + ${maLookback('slowd_matype', 'd_window')}`,
  convention: 'TA-Lib STOCH (default slowK and slowD matype sma: TA-Lib matype 0)',
  notes: `${KD_NOTES} The SMAs are TA-Lib's running sums (add the newest value, then drop the oldest). ${KD_MATYPE_NOTES}`,
};

export default definition;
