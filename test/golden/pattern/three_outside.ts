import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDL3OUTSIDE: plain };

export default talib;
