import { fastSlow, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  // Our APO is EMA-based: only TA-Lib's matype 1 cases apply.
  APO: { params: fastSlow, outputs: { outReal: 'apo' }, only: (p) => p.optInMAType === 1 },
};

export default talib;
