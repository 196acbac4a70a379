import { type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  SAR: {
    params: (p) => ({ accel_start: p.optInAcceleration!, accel_step: p.optInAcceleration!, accel_max: p.optInMaximum! }),
    outputs: { outReal: 'psar' },
  },
};

export default talib;
