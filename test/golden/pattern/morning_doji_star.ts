import { type TalibMappings } from '../types.js';
import { withPenetration } from './common.js';

const talib: TalibMappings = { CDLMORNINGDOJISTAR: withPenetration };

export default talib;
