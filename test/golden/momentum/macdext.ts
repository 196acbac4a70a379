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
    // price, which the difference leaves as ~1e-12 absolute. TA-Lib's WMA
    // (plain running sums) drifts further: 'mixed' (WMA 5 - SMA 20) on
    // public is -0.013999999982 at bar 556 where the exact line is
    // -0.0140000000000001 (ta-grid's compensated sums: -0.01400000000008).
    absTolerance: 1e-12,
  },
};

export default talib;
