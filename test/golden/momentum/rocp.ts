import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  ROCP: { params: period, outputs: { outReal: 'rocp' } },
};

export default talib;
