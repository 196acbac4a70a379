import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLGRAVESTONEDOJI: plain };

export default talib;
