import { bySeed, maLookback, matypeParam, seedParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { fast, slow, signal } from './common.js';

// Bars before the line: the EMAs' (seed axis) or TA_MA's of the other types; the signal EMA adds its own.
const typed = `max(${maLookback('matype', 'fast')}, ${maLookback('matype', 'slow')})`;
const LINE = `if(matype == 'ema', ${bySeed('max(fast, slow) - 1', '0')}, ${typed})`;
const SIGNAL = `if(matype == 'ema', ${bySeed('max(fast, slow) - 1 + signal - 1', '0')}, ${typed} + ${bySeed('signal - 1', '0')})`;

const definition: IndicatorDef = {
  id: 'momentum.ppo',
  group: 'momentum',
  title: 'Percentage price oscillator',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [fast, slow, signal, seedParam, matypeParam('matype', 'ema', 'the fast and slow averages (the signal line stays an EMA)')],
  outputs: [
    { name: 'ppo', description: '(fast EMA - slow EMA) / slow EMA * 100, 0 where the slow EMA is ~0' },
    { name: 'signal', description: 'EMA of the ppo line, seeded with the mean of its first `signal` values' },
    { name: 'hist', description: 'ppo - signal' },
  ],
  lookback: { ppo: LINE, signal: SIGNAL, hist: SIGNAL },
  convention: 'TA-Lib PPO (default matype ema: TA-Lib matype 1; signal and hist added as for MACD)',
  notes:
    'The two averages start independently (TA-Lib PPO), unlike MACD. fast > slow is swapped. ' +
    "The seed axis applies to the EMAs (matype 'ema' and the signal line); the other types start as TA-Lib's TA_MA does.",
};

export default definition;
