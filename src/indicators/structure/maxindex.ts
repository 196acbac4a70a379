import type { IndicatorDef } from '../types.js';
import { extremeIndexes } from './common.js';

const definition: IndicatorDef = extremeIndexes('maxindex', 'Index of the rolling maximum', [
    { name: 'maxindex', description: 'absolute bar index of the largest of the last `window` values', barIndex: true },
  ], 'TA-Lib MAXINDEX');

export default definition;
