import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MACDFIX: { params: (p) => ({ signal: p.optInSignalPeriod! }), outputs: { outMACD: 'macd', outMACDSignal: 'signal', outMACDHist: 'hist' } },
};

export default talib;
