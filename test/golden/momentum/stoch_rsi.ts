import { type TalibMappings } from '../types.js';

const fastKd = { outFastK: 'k', outFastD: 'd' };

const talib: TalibMappings = {
  // %D is a running mean of %K: TA-Lib's running sum leaves ~1e-13 where every %K of the
  // window is 0; ta-grid's keeps its rounding errors and gives the exact 0 (as MFI).
  STOCHRSI: {
    absTolerance: 1e-13,
    params: (p) => ({ rsi_window: p.optInTimePeriod!, k_window: p.optInFastK_Period!, d_window: p.optInFastD_Period! }),
    outputs: fastKd,
    // Our %D is an SMA, TA-Lib's default matype 0.
    only: (p) => p.optInFastD_MAType === 0,
  },
};

export default talib;
