import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { twoSeries } from './common.js';

const definition: IndicatorDef = twoSeries({
  name: 'beta',
  title: 'Beta',
  window: windowParam({ start: 5, stop: 50 }, 1, 'number of one-bar returns in the regression'),
  description: 'least-squares slope of the source2 returns on the source returns over the last `window` bars',
  lookback: 'window',
  notes:
    'Returns are (x - x[t-1]) / x[t-1], 0 where x[t-1] is within 1e-14 of 0; beta = (n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²), ' +
    '0 where the denominator is within 1e-14 of 0. The sums slide bar by bar in TA-Lib order.',
});

export default definition;
