import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDL3WHITESOLDIERS: plain };

export default talib;
