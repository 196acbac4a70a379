import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MININDEX: { params: period, outputs: { outInteger: 'minindex' } },
};

export default talib;
