import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  TSF: { params: period, outputs: { outReal: 'tsf' } },
};

export default talib;
