import type { IndicatorDef } from '../types.js';
import { lagged } from './common.js';

const definition: IndicatorDef = lagged('rocr', 'Rate of change ratio', 'x / x[t-window]', 'TA-Lib ROCR (0 where x[t-window] is 0)', true);

export default definition;
