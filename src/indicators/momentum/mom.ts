import type { IndicatorDef } from '../types.js';
import { lagged } from './common.js';

const definition: IndicatorDef = lagged('mom', 'Momentum', 'x - x[t-window]', 'TA-Lib MOM');

export default definition;
