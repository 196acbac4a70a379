import { fastSlowSignal, type TalibMappings } from '../types.js';

const macdOutputs = { outMACD: 'macd', outMACDSignal: 'signal', outMACDHist: 'hist' };

const talib: TalibMappings = {
  MACD: { params: fastSlowSignal, outputs: macdOutputs },
  // MACDEXT with all three MA types EMA is MACD.
  MACDEXT: {
    params: fastSlowSignal,
    outputs: macdOutputs,
    only: (p) => p.optInFastMAType === 1 && p.optInSlowMAType === 1 && p.optInSignalMAType === 1,
  },
};

export default talib;
