import type { IndicatorDef, ParamDef } from '../types.js';

// TA-Lib's bounds: any start value, non-negative offset and accelerations.
const TALIB_MAX = 3e37;
const nonNegative = (name: string, defaults: number, description: string): ParamDef =>
  ({ name, kind: 'float', min: 0, max: TALIB_MAX, default: [defaults], description });

const definition: IndicatorDef = {
  id: 'trend.sarext',
  group: 'trend',
  title: 'Parabolic SAR, extended',
  inputs: ['high', 'low'],
  params: [
    {
      name: 'startvalue', kind: 'float', min: -TALIB_MAX, max: TALIB_MAX, default: [0],
      description: '0: the first trend follows the second bar\'s -DM; > 0: start long at this SAR; < 0: start short at |startvalue|',
    },
    nonNegative('offsetonreverse', 0, 'on a reversal the SAR moves this fraction of itself away from the price'),
    nonNegative('accelerationinitlong', 0.02, 'acceleration at the start of a long trend (clamped to accelerationmaxlong)'),
    nonNegative('accelerationlong', 0.02, 'added to the long acceleration on each new high'),
    nonNegative('accelerationmaxlong', 0.2, 'cap of the long acceleration'),
    nonNegative('accelerationinitshort', 0.02, 'acceleration at the start of a short trend (clamped to accelerationmaxshort)'),
    nonNegative('accelerationshort', 0.02, 'added to the short acceleration on each new low'),
    nonNegative('accelerationmaxshort', 0.2, 'cap of the short acceleration'),
  ],
  outputs: [{ name: 'sarext', description: 'stop-and-reverse level, negative in a short trend (|sarext| is the level)' }],
  lookback: '1',
  convention: 'TA-Lib SAREXT',
  notes:
    'TA-Lib SAREXT reports a short position\'s SAR negated, so the sign is the direction. With startvalue 0, ' +
    'offsetonreverse 0 and equal long and short accelerations it is trend.psar signed by direction.',
};

export default definition;
