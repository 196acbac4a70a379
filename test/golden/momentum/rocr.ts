import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  ROCR: { params: period, outputs: { outReal: 'rocr' } },
};

export default talib;
