import { maLookback } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { kWindow, dWindow, KD_MATYPE_NOTES, KD_NOTES, dMatype, kdZeroDenominator } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.stochf',
  group: 'momentum',
  title: 'Stochastic oscillator (fast)',
  inputs: ['high', 'low', 'close'],
  params: [kWindow, dWindow, kdZeroDenominator, dMatype('fastd_matype')],
  outputs: [
    { name: 'k', description: 'fast %K = 100 * (close - LL) / (HH - LL) over k_window, 0 when HH = LL' },
    { name: 'd', description: 'fast %D: MA of fast %K over d_window' },
  ],
  lookback: `k_window - 1 + ${maLookback('fastd_matype', 'd_window')}`,
  convention: 'TA-Lib STOCHF (default fastD matype sma: TA-Lib matype 0)',
  notes: `${KD_NOTES} ${KD_MATYPE_NOTES}`,
};

export default definition;
