import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  CMO: { params: period, outputs: { outReal: 'cmo' } },
};

export default talib;
