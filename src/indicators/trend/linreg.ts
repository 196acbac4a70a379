import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'trend.linreg',
  group: 'trend',
  title: 'Linear regression',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 100 })],
  outputs: [
    { name: 'value', description: 'least-squares line of the last window values at the current bar' },
    { name: 'slope', description: 'slope of the line, per bar' },
    { name: 'intercept', description: 'the line at the oldest bar of the window' },
    { name: 'angle', description: 'atan(slope) in degrees' },
  ],
  lookback: 'window - 1',
  convention: 'TA-Lib LINEARREG (slope, intercept, angle are TA-Lib LINEARREG_SLOPE, _INTERCEPT, _ANGLE)',
  notes:
    'The window sums slide in O(1) per bar and are re-summed in TA-Lib order every window bars; slope differs from ' +
    'TA-Lib by at most about 1e-13 * price absolute.',
};

export default definition;
