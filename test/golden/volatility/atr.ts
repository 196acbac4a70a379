import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  ATR: { params: period, outputs: { outReal: 'atr' } },
};

export default talib;
