import { type TalibMappings } from '../types.js';
import { withPenetration } from './common.js';

const talib: TalibMappings = { CDLMATHOLD: withPenetration };

export default talib;
