import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLDRAGONFLYDOJI: plain };

export default talib;
