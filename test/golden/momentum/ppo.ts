import { fastSlow, type TalibMappings } from '../types.js';

const talib: TalibMappings = {
  // TA-Lib's PPO has no signal line; the ppo output does not depend on it.
  // Our PPO is EMA-based: only TA-Lib's matype 1 cases apply.
  PPO: { params: (p) => ({ ...fastSlow(p), signal: 9 }), outputs: { outReal: 'ppo' }, only: (p) => p.optInMAType === 1 },
};

export default talib;
