import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  BBANDS: {
    params: (p) => ({ window: p.optInTimePeriod!, mult: p.optInNbDevUp! }),
    outputs: { outRealUpperBand: 'upper', outRealMiddleBand: 'mid', outRealLowerBand: 'lower' },
    // Our middle band is an SMA (TA-Lib's default matype 0) and the bands are symmetric.
    only: (p) => p.optInMAType === 0 && p.optInNbDevUp === p.optInNbDevDn,
  },
};

export default talib;
