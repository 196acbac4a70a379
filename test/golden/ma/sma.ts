import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  SMA: { params: period, outputs: { outReal: 'sma' } },
};

export default talib;
