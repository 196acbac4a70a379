import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  // inReal0 and inReal1 are the case's candle columns: our source and source2 axes.
  BETA: { params: (p, inputs) => ({ window: p.optInTimePeriod!, source: inputs!.inReal0!, source2: inputs!.inReal1! }), outputs: { outReal: 'beta' } },
};

export default talib;
