import type { IndicatorDef } from '../types.js';
import { windowed } from './common.js';

const definition: IndicatorDef = windowed('min', 'Rolling minimum', 'smallest of the last `window` values', 'TA-Lib MIN');

export default definition;
