import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  AD: { params: () => ({}), outputs: { outReal: 'ad' } },
};

export default talib;
