import { type TalibMappings } from '../types.js';
import { withPenetration } from './common.js';

const talib: TalibMappings = { CDLEVENINGDOJISTAR: withPenetration };

export default talib;
