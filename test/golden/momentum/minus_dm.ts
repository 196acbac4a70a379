import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MINUS_DM: { params: period, outputs: { outReal: 'minus_dm' } },
};

export default talib;
