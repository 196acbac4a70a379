import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  DEMA: { params: period, outputs: { outReal: 'dema' } },
};

export default talib;
