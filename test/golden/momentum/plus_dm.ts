import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  PLUS_DM: { params: period, outputs: { outReal: 'plus_dm' } },
};

export default talib;
