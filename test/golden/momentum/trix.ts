import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  TRIX: { params: period, outputs: { outReal: 'trix' } },
};

export default talib;
