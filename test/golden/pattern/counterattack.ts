import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLCOUNTERATTACK: plain };

export default talib;
