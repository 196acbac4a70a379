import { type TalibMappings } from '../types.js';
import { withPenetration } from './common.js';

const talib: TalibMappings = { CDLEVENINGSTAR: withPenetration };

export default talib;
