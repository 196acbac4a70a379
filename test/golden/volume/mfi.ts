import { period, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  // TA-Lib's running sums leave ~1e-13 where a window's flow is exactly 0 (fixture README).
  MFI: { params: period, outputs: { outReal: 'mfi' }, absTolerance: 1e-13 },
};

export default talib;
