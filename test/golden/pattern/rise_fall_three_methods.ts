import { type TalibMappings } from '../types.js';
import { plain } from './common.js';

const talib: TalibMappings = { CDLRISEFALL3METHODS: plain };

export default talib;
