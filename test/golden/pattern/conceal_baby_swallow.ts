import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLCONCEALBABYSWALL: plain };

export default talib;
