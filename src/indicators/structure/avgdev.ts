import type { IndicatorDef } from '../types.js';
import { windowed } from './common.js';

const definition: IndicatorDef = windowed('avgdev', 'Average deviation', 'mean absolute deviation of the last `window` values from their mean', 'TA-Lib AVGDEV');

export default definition;
