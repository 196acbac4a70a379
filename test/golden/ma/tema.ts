import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  TEMA: { params: period, outputs: { outReal: 'tema' } },
};

export default talib;
