import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  BOP: { params: () => ({}), outputs: { outReal: 'bop' } },
};

export default talib;
