import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLSEPARATINGLINES: plain };

export default talib;
