import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MIN: { params: period, outputs: { outReal: 'min' } },
};

export default talib;
