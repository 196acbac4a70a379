import { type TalibMappings } from '../types.js';
import { withPenetration } from './common.js';

const talib: TalibMappings = { CDLMORNINGSTAR: withPenetration };

export default talib;
