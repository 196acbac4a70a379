import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLIDENTICAL3CROWS: plain };

export default talib;
