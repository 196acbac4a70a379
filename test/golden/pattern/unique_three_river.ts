import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLUNIQUE3RIVER: plain };

export default talib;
