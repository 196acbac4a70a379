import { fastSlow, maType, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  // TA-Lib's PPO has no signal line; the ppo output does not depend on it.
  PPO: {
    params: (p) => ({ ...fastSlow(p), signal: 9, matype: maType(p.optInMAType!) }),
    outputs: { outReal: 'ppo' },
    // A ratio of two averages near the price (see apo.ts): TRIMA's running sums round apart from TA-Lib's.
    absTolerance: 1e-13,
  },
};

export default talib;
