import { type TalibMappings } from '../types.js';

const kd = { outSlowK: 'k', outSlowD: 'd' };

const talib: TalibMappings = {
  STOCH: {
    params: (p) => ({ k_window: p.optInFastK_Period!, k_smoothing: p.optInSlowK_Period!, d_window: p.optInSlowD_Period! }),
    outputs: kd,
  },
};

export default talib;
