import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  AROON: { params: period, outputs: { outAroonUp: 'up', outAroonDown: 'down' } },
  AROONOSC: { params: period, outputs: { outReal: 'osc' } },
};

export default talib;
