import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  SAREXT: {
    params: (p) => ({
      startvalue: p.optInStartValue!,
      offsetonreverse: p.optInOffsetOnReverse!,
      accelerationinitlong: p.optInAccelerationInitLong!,
      accelerationlong: p.optInAccelerationLong!,
      accelerationmaxlong: p.optInAccelerationMaxLong!,
      accelerationinitshort: p.optInAccelerationInitShort!,
      accelerationshort: p.optInAccelerationShort!,
      accelerationmaxshort: p.optInAccelerationMaxShort!,
    }),
    outputs: { outReal: 'sarext' },
  },
};

export default talib;
