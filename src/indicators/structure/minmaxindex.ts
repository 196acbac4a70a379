import type { IndicatorDef } from '../types.js';
import { extremeIndexes } from './common.js';

const definition: IndicatorDef = extremeIndexes('minmaxindex', 'Indexes of the rolling minimum and maximum', [
    { name: 'minidx', description: 'absolute bar index of the smallest of the last `window` values' },
    { name: 'maxidx', description: 'absolute bar index of the largest of the last `window` values' },
  ], 'TA-Lib MINMAXINDEX');

export default definition;
