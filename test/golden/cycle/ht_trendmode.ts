import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  HT_TRENDMODE: { params: () => ({}), outputs: { outInteger: 'trendmode' } },
};

export default talib;
