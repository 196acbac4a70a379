import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLSTALLEDPATTERN: plain };

export default talib;
