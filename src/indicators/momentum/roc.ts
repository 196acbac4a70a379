import type { IndicatorDef } from '../types.js';
import { lagged } from './common.js';

const definition: IndicatorDef = lagged('roc', 'Rate of change', '(x / x[t-window] - 1) * 100', 'TA-Lib ROC (0 where x[t-window] is 0)', true);

export default definition;
