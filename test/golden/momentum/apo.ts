import { fastSlow, maType, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  APO: {
    params: (p) => ({ ...fastSlow(p), matype: maType(p.optInMAType!) }),
    outputs: { outReal: 'apo' },
    // A difference of two averages near the price: TRIMA's running sums
    // round apart from TA-Lib's by ~1e-14 of it (see macdext.ts).
    absTolerance: 1e-13,
  },
};

export default talib;
