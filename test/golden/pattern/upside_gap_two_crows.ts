import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLUPSIDEGAP2CROWS: plain };

export default talib;
