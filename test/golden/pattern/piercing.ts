import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLPIERCING: plain };

export default talib;
