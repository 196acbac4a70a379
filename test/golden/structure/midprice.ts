import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MIDPRICE: { params: period, outputs: { outReal: 'midprice' } },
};

export default talib;
