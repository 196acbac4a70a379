import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  HT_DCPHASE: { params: () => ({}), outputs: { outReal: 'dcphase' } },
};

export default talib;
