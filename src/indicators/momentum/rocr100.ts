import type { IndicatorDef } from '../types.js';
import { lagged } from './common.js';

const definition: IndicatorDef = lagged('rocr100', 'Rate of change ratio, times 100', 'x / x[t-window] * 100', 'TA-Lib ROCR100 (0 where x[t-window] is 0)', true);

export default definition;
