import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  ADOSC: {
    params: (p) => ({ fast: p.optInFastPeriod!, slow: p.optInSlowPeriod! }),
    outputs: { outReal: 'adosc' },
  },
};

export default talib;
