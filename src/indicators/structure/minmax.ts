import type { IndicatorDef } from '../types.js';
import { windowed } from './common.js';

const definition: IndicatorDef = {
  ...windowed('minmax', 'Rolling minimum and maximum', '', 'TA-Lib MINMAX'),
  outputs: [
    { name: 'min', description: 'smallest of the last `window` values' },
    { name: 'max', description: 'largest of the last `window` values' },
  ],
};

export default definition;
