import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MAX: { params: period, outputs: { outReal: 'max' } },
};

export default talib;
