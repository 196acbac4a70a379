import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  OBV: { params: () => ({}), outputs: { outReal: 'obv' } },
};

export default talib;
