import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MIDPOINT: { params: period, outputs: { outReal: 'midpoint' } },
};

export default talib;
