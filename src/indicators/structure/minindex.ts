import type { IndicatorDef } from '../types.js';
import { extremeIndexes } from './common.js';

const definition: IndicatorDef = extremeIndexes('minindex', 'Index of the rolling minimum', [
    { name: 'minindex', description: 'absolute bar index of the smallest of the last `window` values', barIndex: true },
  ], 'TA-Lib MININDEX');

export default definition;
