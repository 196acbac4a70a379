import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'volatility.hv',
  group: 'volatility',
  title: 'Historical volatility',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [
    windowParam({ start: 10, stop: 100, step: 5 }, 2, 'number of log returns in the window'),
    { name: 'annualization', kind: 'float', min: 1, max: 1e8, default: [252], description: 'periods per year (252 daily bars, 525600 one-minute bars of a 24/7 market)' },
  ],
  outputs: [{ name: 'hv', description: '100 * population stddev of log returns * sqrt(annualization)' }],
  lookback: 'window',
  convention: '100 * sqrt(annualization) * population standard deviation (divisor window) of the last `window` log returns ln(x[t] / x[t-1]), as pandas/numpy std(ddof=0)',
  notes: 'A log return needs two positive prices; a window holding a bar with a price <= 0 is NaN.',
};

export default definition;
