import type { IndicatorDef } from '../types.js';
import { windowed } from './common.js';

const definition: IndicatorDef = {
  ...windowed('tsf', 'Time series forecast', 'least-squares line of the last `window` values, one bar ahead', 'TA-Lib TSF'),
  notes: "trend.linreg's value extended one bar: the same sliding sums, re-summed in TA-Lib order every window bars.",
};

export default definition;
