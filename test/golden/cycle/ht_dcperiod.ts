import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  HT_DCPERIOD: { params: () => ({}), outputs: { outReal: 'dcperiod' } },
};

export default talib;
