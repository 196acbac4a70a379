import { maType, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  BBANDS: {
    params: (p) => ({ window: p.optInTimePeriod!, mult: p.optInNbDevUp!, matype: maType(p.optInMAType!) }),
    outputs: { outRealUpperBand: 'upper', outRealMiddleBand: 'mid', outRealLowerBand: 'lower' },
    // Our bands are symmetric (one mult).
    only: (p) => p.optInNbDevUp === p.optInNbDevDn,
  },
};

export default talib;
