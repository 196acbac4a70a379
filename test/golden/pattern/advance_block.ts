import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLADVANCEBLOCK: plain };

export default talib;
