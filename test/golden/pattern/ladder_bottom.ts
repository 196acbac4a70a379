import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLLADDERBOTTOM: plain };

export default talib;
