import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLLONGLINE: plain };

export default talib;
