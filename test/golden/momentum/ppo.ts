import { fastSlow, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  // TA-Lib's PPO has no signal line; the ppo output does not depend on it.
  PPO: { params: (p) => ({ ...fastSlow(p), signal: 9 }), outputs: { outReal: 'ppo' } },
};

export default talib;
