import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  // inReal0 and inReal1 are the case's candle columns: our source and source2 axes.
  CORREL: {
    params: (p, inputs) => ({ window: p.optInTimePeriod!, source: inputs!.inReal0!, source2: inputs!.inReal1! }),
    outputs: { outReal: 'correl' },
    // TA-Lib slides raw sums of squares, which cancel: close against volume over 2 bars (exactly ±1) is off by up to
    // 1.8e-6 in TA-Lib; ta-grid centers each window (see native/structure/correl.h).
    absTolerance: 2e-8,
  },
};

export default talib;
