import { maLookback, matypeParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { fast, slow, signal } from './common.js';

const definition: IndicatorDef = {
  id: 'momentum.macdext',
  group: 'momentum',
  title: 'MACD with selectable moving-average types',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [
    fast,
    slow,
    signal,
    matypeParam('fast_matype', 'ema', 'the fast average'),
    matypeParam('slow_matype', 'ema', 'the slow average'),
    matypeParam('signal_matype', 'ema', 'the signal line'),
  ],
  outputs: [
    { name: 'macd', description: 'fast MA - slow MA' },
    { name: 'signal', description: 'MA of the macd line' },
    { name: 'hist', description: 'macd - signal' },
  ],
  lookback: `max(${maLookback('fast_matype', 'fast')}, ${maLookback('slow_matype', 'slow')}) + ${maLookback('signal_matype', 'signal')}`,
  convention: 'TA-Lib MACDEXT',
  notes:
    "As TA-Lib, fast > slow swaps the periods and their types; both averages start on the bar where the later of the two " +
    'has its first value, each computed from its own lookback before it (so an EMA is seeded there, as in MACD), the signal ' +
    "averages the line from that bar, and all three outputs start on the signal's first bar. With three 'ema' types it is momentum.macd.",
};

export default definition;
