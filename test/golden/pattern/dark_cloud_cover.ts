import { type TalibMappings } from '../types.js';
import { withPenetration } from './common.js';

const talib: TalibMappings = { CDLDARKCLOUDCOVER: withPenetration };

export default talib;
