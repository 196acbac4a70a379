import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MAXINDEX: { params: period, outputs: { outInteger: 'maxindex' } },
};

export default talib;
