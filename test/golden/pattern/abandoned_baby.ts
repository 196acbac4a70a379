import { type TalibMappings } from '../types.js';
import { withPenetration } from './common.js';

const talib: TalibMappings = { CDLABANDONEDBABY: withPenetration };

export default talib;
