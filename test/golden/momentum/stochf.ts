import { maType, type TalibMappings } from '../types.js';

const fastKd = { outFastK: 'k', outFastD: 'd' };

const talib: TalibMappings = {
  // %D is a running mean of %K: TA-Lib's running sum leaves ~1e-13 where every %K of the
  // window is 0; ta-grid's keeps its rounding errors and gives the exact 0 (as MFI).
  STOCHF: {
    absTolerance: 1e-13,
    params: (p) => ({ k_window: p.optInFastK_Period!, d_window: p.optInFastD_Period!, fastd_matype: maType(p.optInFastD_MAType!) }),
    outputs: fastKd,
  },
};

export default talib;
