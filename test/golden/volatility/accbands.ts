import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  ACCBANDS: { params: period, outputs: { outRealUpperBand: 'upper', outRealMiddleBand: 'middle', outRealLowerBand: 'lower' } },
};

export default talib;
