import type { IndicatorDef } from '../types.js';
import { windowed } from './common.js';

const definition: IndicatorDef = windowed('max', 'Rolling maximum', 'largest of the last `window` values', 'TA-Lib MAX');

export default definition;
