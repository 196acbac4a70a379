import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  T3: { params: (p) => ({ window: p.optInTimePeriod!, vfactor: p.optInVFactor! }), outputs: { outReal: 't3' } },
};

export default talib;
