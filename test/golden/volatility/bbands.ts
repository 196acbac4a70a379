import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  BBANDS: {
    params: (p) => ({ window: p.optInTimePeriod!, mult: p.optInNbDevUp! }),
    outputs: { outRealUpperBand: 'upper', outRealMiddleBand: 'mid', outRealLowerBand: 'lower' },
  },
};

export default talib;
