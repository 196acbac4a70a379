import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  ULTOSC: {
    params: (p) => ({ window1: p.optInTimePeriod1!, window2: p.optInTimePeriod2!, window3: p.optInTimePeriod3! }),
    outputs: { outReal: 'ultosc' },
  },
};

export default talib;
