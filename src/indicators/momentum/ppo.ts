import { bySeed, seedParam, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { fast, slow, signal } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.ppo',
  group: 'momentum',
  title: 'Percentage price oscillator',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [fast, slow, signal, seedParam, zeroDenominatorParam("the slow EMA is ~0; TA-Lib 0 for ppo. 'nan' blanks ppo, signal and hist at that bar only, the signal EMA still takes the 0")],
  outputs: [
    { name: 'ppo', description: '(fast EMA - slow EMA) / slow EMA * 100, 0 where the slow EMA is ~0' },
    { name: 'signal', description: 'EMA of the ppo line, seeded with the mean of its first `signal` values' },
    { name: 'hist', description: 'ppo - signal' },
  ],
  lookback: { ppo: bySeed('max(fast, slow) - 1', '0'), signal: bySeed('max(fast, slow) - 1 + signal - 1', '0'), hist: bySeed('max(fast, slow) - 1 + signal - 1', '0') },
  convention: 'TA-Lib PPO (matype 1: EMA; signal and hist added as for MACD)',
  notes: 'The two EMAs are seeded independently (TA-Lib PPO with matype 1), unlike MACD. fast > slow is swapped.',
};

export default definition;
