import type { IndicatorDef } from '../types.js';
import { extremeIndexes } from './common.js';

const definition: IndicatorDef = extremeIndexes('minmaxindex', 'Indexes of the rolling minimum and maximum', [
    { name: 'minidx', description: 'absolute bar index of the smallest of the last `window` values', barIndex: true },
    { name: 'maxidx', description: 'absolute bar index of the largest of the last `window` values', barIndex: true },
  ], 'TA-Lib MINMAXINDEX');

export default definition;
