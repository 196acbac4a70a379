import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLGAPSIDESIDEWHITE: plain };

export default talib;
