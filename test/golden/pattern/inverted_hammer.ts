import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLINVERTEDHAMMER: plain };

export default talib;
