import { fastSlowSignal, type TalibMappings } from '../types.js';

const macdOutputs = { outMACD: 'macd', outMACDSignal: 'signal', outMACDHist: 'hist' };

const talib: TalibMappings = {
  MACD: { params: fastSlowSignal, outputs: macdOutputs },
};

export default talib;
