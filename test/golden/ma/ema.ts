import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  EMA: { params: period, outputs: { outReal: 'ema' } },
};

export default talib;
