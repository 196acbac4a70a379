import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  LINEARREG: { params: period, outputs: { outReal: 'value' } },
  // The sliding sums leave about 1e-13 * price of absolute error in slopes near 0 (see the fixture README).
  LINEARREG_SLOPE: { params: period, outputs: { outReal: 'slope' }, absTolerance: 1e-13 },
};

export default talib;
