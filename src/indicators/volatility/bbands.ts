import type { IndicatorDef } from '../types.js';
import { BANDS_LOOKBACK, BANDS_MATYPE_NOTES, bandMatype, bandWindow, bandMult } from './common.js';

const definition: IndicatorDef = {
  id: 'volatility.bbands',
  group: 'volatility',
  title: 'Bollinger bands',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [bandWindow, bandMult, bandMatype],
  outputs: [
    { name: 'mid', description: 'moving average of type matype (default SMA) over `window` values' },
    { name: 'upper', description: 'mid + mult * population standard deviation' },
    { name: 'lower', description: 'mid - mult * population standard deviation' },
  ],
  lookback: BANDS_LOOKBACK,
  cost: 5,  // compensated window moments per window (shared by its mults)
  convention: 'TA-Lib BBANDS (default matype sma: TA-Lib matype 0; nbDevUp = nbDevDn = mult)',
  notes: `The standard deviation is that of volatility.stddev: 0 where the variance is below 1e-14, as TA-Lib. ${BANDS_MATYPE_NOTES}`,
};

export default definition;
