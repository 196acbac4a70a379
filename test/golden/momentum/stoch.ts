import { maType, type TalibMappings } from '../types.js';

const kd = { outSlowK: 'k', outSlowD: 'd' };

const talib: TalibMappings = {
  // %D is a running mean of %K: TA-Lib's running sum leaves ~1e-13 where every %K of the
  // window is 0; ta-grid's keeps its rounding errors and gives the exact 0 (as MFI).
  STOCH: {
    absTolerance: 1e-13,
    params: (p) => ({
      k_window: p.optInFastK_Period!,
      k_smoothing: p.optInSlowK_Period!,
      d_window: p.optInSlowD_Period!,
      slowk_matype: maType(p.optInSlowK_MAType!),
      slowd_matype: maType(p.optInSlowD_MAType!),
    }),
    outputs: kd,
  },
};

export default talib;
