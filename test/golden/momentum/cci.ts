import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  CCI: { params: period, outputs: { outReal: 'cci' } },
};

export default talib;
