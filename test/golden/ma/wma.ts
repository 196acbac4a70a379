import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  WMA: { params: period, outputs: { outReal: 'wma' } },
};

export default talib;
