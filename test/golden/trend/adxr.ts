import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  ADXR: { params: period, outputs: { outReal: 'adxr' } },
};

export default talib;
