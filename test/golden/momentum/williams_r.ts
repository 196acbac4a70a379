import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  WILLR: { params: period, outputs: { outReal: 'williams_r' } },
};

export default talib;
