import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  MINMAXINDEX: { params: period, outputs: { outMinIdx: 'minidx', outMaxIdx: 'maxidx' } },
};

export default talib;
