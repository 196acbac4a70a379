import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  NATR: { params: period, outputs: { outReal: 'natr' } },
};

export default talib;
