import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLCLOSINGMARUBOZU: plain };

export default talib;
