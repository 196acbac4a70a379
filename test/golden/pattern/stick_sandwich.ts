import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLSTICKSANDWICH: plain };

export default talib;
