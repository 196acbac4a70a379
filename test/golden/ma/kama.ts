import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  KAMA: { params: period, outputs: { outReal: 'kama' } },
};

export default talib;
