import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLSHOOTINGSTAR: plain };

export default talib;
