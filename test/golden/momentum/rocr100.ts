import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  ROCR100: { params: period, outputs: { outReal: 'rocr100' } },
};

export default talib;
