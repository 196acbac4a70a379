import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  RSI: { params: period, outputs: { outReal: 'rsi' } },
};

export default talib;
