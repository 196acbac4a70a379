import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLKICKINGBYLENGTH: plain };

export default talib;
