import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  SUM: { params: period, outputs: { outReal: 'sum' } },
};

export default talib;
