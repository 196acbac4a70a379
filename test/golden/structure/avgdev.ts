import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  AVGDEV: { params: period, outputs: { outReal: 'avgdev' } },
};

export default talib;
