import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MAMA: {
    params: (p) => ({ fast_limit: p.optInFastLimit!, slow_limit: p.optInSlowLimit! }),
    outputs: { outMAMA: 'mama', outFAMA: 'fama' },
  },
};

export default talib;
