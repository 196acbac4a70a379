import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  TRANGE: { params: () => ({}), outputs: { outReal: 'tr' } },
};

export default talib;
