import { period } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'structure.pivots',
  group: 'structure',
  title: 'Pivot highs and lows',
  inputs: ['high', 'low'],
  params: [
    period('left', 1, [2, 3, 5, 8, 10, 15, 20], 'bars before the pivot that it must exceed'),
    period('right', 1, [1, 2, 3, 5, 8, 10], 'bars after the pivot needed to confirm it'),
  ],
  outputs: [
    { name: 'pivot_high', description: 'high of the pivot bar, at the bar that confirms it; NaN elsewhere', sparse: true },
    { name: 'pivot_low', description: 'low of the pivot bar, at the bar that confirms it; NaN elsewhere', sparse: true },
  ],
  lookback: 'left + right',
  convention:
    'Bar p is a pivot high when high[p] > each of the `left` highs before it and >= each of the `right` highs after it ' +
    '(pivot low likewise with lows); the value high[p] is reported at bar p + right',
  notes:
    'A pivot is reported at bar p + right, the first bar at which the `right` bars after it exist, and NaN everywhere else. ' +
    'Reporting it at the pivot bar itself would use `right` bars of the future: a backtest acting on the value at bar t ' +
    'only knows bars up to t, and here every value depends on bars up to its own bar only. Of two equal highs (lows) ' +
    'within reach, the earlier one is the pivot.',
};

export default definition;
