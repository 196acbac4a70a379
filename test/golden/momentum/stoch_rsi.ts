import { maType, type TalibMappings } from '../types.js';

const fastKd = { outFastK: 'k', outFastD: 'd' };

const talib: TalibMappings = {
  // %D is a running mean of %K: TA-Lib's running sum leaves ~1e-13 where every %K of the
  // window is 0; ta-grid's keeps its rounding errors and gives the exact 0 (as MFI).
  // TA-Lib's TRIMA (its own running numerator) leaves ~1e-11 there, SMA(SMA()) 0, and
  // TA-Lib's WMA (plain running sums) ~1e-10 (public, bar 1300), ta-grid's compensated ones 0.
  STOCHRSI: {
    absTolerance: 1e-11,
    params: (p) => ({ rsi_window: p.optInTimePeriod!, k_window: p.optInFastK_Period!, d_window: p.optInFastD_Period!, fastd_matype: maType(p.optInFastD_MAType!) }),
    outputs: fastKd,
  },
};

export default talib;
