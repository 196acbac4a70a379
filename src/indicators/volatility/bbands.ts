import type { IndicatorDef } from '../types.js';
import { bandWindow, bandMult } from './common.js';

const definition: IndicatorDef = {
  id: 'volatility.bbands',
  group: 'volatility',
  title: 'Bollinger bands',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [bandWindow, bandMult],
  outputs: [
    { name: 'mid', description: 'SMA of the last `window` values' },
    { name: 'upper', description: 'mid + mult * population standard deviation' },
    { name: 'lower', description: 'mid - mult * population standard deviation' },
  ],
  lookback: 'window - 1',
  convention: 'TA-Lib BBANDS (matype 0: SMA middle, nbDevUp = nbDevDn = mult)',
  notes: 'The standard deviation is that of volatility.stddev: 0 where the variance is below 1e-14, as TA-Lib.',
};

export default definition;
