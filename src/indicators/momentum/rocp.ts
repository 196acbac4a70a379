import type { IndicatorDef } from '../types.js';
import { lagged } from './common.js';

const definition: IndicatorDef = lagged('rocp', 'Rate of change, fraction', '(x - x[t-window]) / x[t-window]', 'TA-Lib ROCP (0 where x[t-window] is 0)', true);

export default definition;
