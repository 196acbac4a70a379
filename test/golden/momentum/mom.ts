import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MOM: { params: period, outputs: { outReal: 'mom' } },
};

export default talib;
