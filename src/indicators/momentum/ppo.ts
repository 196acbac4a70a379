import { bySeed, maLookback, matypeParam, seedParamFor, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { fast, slow, signal } from './common.js';

// Bars before the ppo line: EMAs by their seed, another type by TA_MA's lookback of the slower average.
const line = `if(matype == 'ema', ${bySeed('max(fast, slow) - 1', '0')}, max(${maLookback('matype', 'fast')}, ${maLookback('matype', 'slow')}))`;
const withSignal = `if(matype == 'ema', ${bySeed('max(fast, slow) - 1 + signal - 1', '0')}, max(${maLookback('matype', 'fast')}, ${maLookback('matype', 'slow')}) + signal - 1)`;

const definition: IndicatorDef = {
  id: 'momentum.ppo',
  group: 'momentum',
  title: 'Percentage price oscillator',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [
    fast,
    slow,
    signal,
    seedParamFor('matype'),
    zeroDenominatorParam("the slow average is ~0; TA-Lib 0 for ppo. 'nan' blanks ppo, signal and hist at that bar only, the signal EMA still takes the 0"),
    matypeParam('matype', 'ema', 'both averages'),
  ],
  outputs: [
    { name: 'ppo', description: '(fast MA - slow MA) / slow MA * 100, 0 where the slow MA is ~0' },
    { name: 'signal', description: 'EMA of the ppo line, seeded with the mean of its first `signal` values' },
    { name: 'hist', description: 'ppo - signal' },
  ],
  lookback: { ppo: line, signal: withSignal, hist: withSignal },
  convention: 'TA-Lib PPO (default matype ema: TA-Lib matype 1; signal and hist added as for MACD)',
  notes:
    'The two averages start independently (TA-Lib PPO, TA_INT_PO), unlike MACD. fast > slow is swapped. ' +
    "The seed axis applies to matype 'ema' only (seed 'first' with another matype is a grid error); the signal line is an EMA of the " +
    "ppo line for every matype. TA-Lib's own default matype is SMA (0); ta-grid's default stays 'ema', as it was before the axis.",
};

export default definition;
