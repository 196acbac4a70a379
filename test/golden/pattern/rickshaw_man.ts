import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLRICKSHAWMAN: plain };

export default talib;
