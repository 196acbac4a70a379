import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  HT_TRENDLINE: { params: () => ({}), outputs: { outReal: 'ht_trendline' } },
};

export default talib;
