import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MINMAX: { params: period, outputs: { outMin: 'min', outMax: 'max' } },
};

export default talib;
