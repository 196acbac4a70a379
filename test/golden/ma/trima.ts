import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  TRIMA: { params: period, outputs: { outReal: 'trima' } },
};

export default talib;
