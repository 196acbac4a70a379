import { type TalibMappings } from '../types.js';

const fastKd = { outFastK: 'k', outFastD: 'd' };

const talib: TalibMappings = {
  STOCHRSI: {
    params: (p) => ({ rsi_window: p.optInTimePeriod!, k_window: p.optInFastK_Period!, d_window: p.optInFastD_Period! }),
    outputs: fastKd,
    // Our %D is an SMA, TA-Lib's default matype 0.
    only: (p) => p.optInFastD_MAType === 0,
  },
};

export default talib;
