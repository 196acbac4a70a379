import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLMATCHINGLOW: plain };

export default talib;
