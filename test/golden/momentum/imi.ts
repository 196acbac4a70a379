import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  IMI: { params: period, outputs: { outReal: 'imi' } },
};

export default talib;
