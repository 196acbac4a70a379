import { period, type TalibMappings } from '../types.js';

// TA-Lib's one-pass variance cancels (fixture README): against the exact
// variance it is off by up to about 1e-14 * price^2 (VAR) and 1e-7 * price
// (STDDEV, largest on two equal closes). absTolerance is in units of the price.
const talib: TalibMappings = {
  VAR: { params: period, outputs: { outReal: 'variance' }, absTolerance: 1e-12 },
};

export default talib;
