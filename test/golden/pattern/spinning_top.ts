import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLSPINNINGTOP: plain };

export default talib;
