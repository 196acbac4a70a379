import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLHOMINGPIGEON: plain };

export default talib;
