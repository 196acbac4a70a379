import type { IndicatorDef } from '../types.js';
import { windowed } from './common.js';

const definition: IndicatorDef = windowed('sum', 'Rolling sum', 'sum of the last `window` values', 'TA-Lib SUM');

export default definition;
