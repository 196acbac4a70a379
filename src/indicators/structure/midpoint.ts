import type { IndicatorDef } from '../types.js';
import { windowed } from './common.js';

const definition: IndicatorDef = windowed('midpoint', 'Midpoint over a window', '(max + min) / 2 of the last `window` values', 'TA-Lib MIDPOINT');

export default definition;
