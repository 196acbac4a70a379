import { fastSlowSignal, maType, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MACDEXT: {
    params: (p) => ({
      ...fastSlowSignal(p),
      fast_matype: maType(p.optInFastMAType!),
      slow_matype: maType(p.optInSlowMAType!),
      signal_matype: maType(p.optInSignalMAType!),
    }),
    outputs: { outMACD: 'macd', outMACDSignal: 'signal', outMACDHist: 'hist' },
    // The line is a difference of two averages near the price: TA-Lib's TRIMA
    // (its own running numerator) and SMA(SMA()) round apart by ~1e-14 of the
    // price, which the difference leaves as ~1e-12 absolute.
    absTolerance: 1e-13,
  },
};

export default talib;
