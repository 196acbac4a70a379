import { patternDef } from './common.js';

export default patternDef({
  name: 'matching_low',
  talib: 'CDLMATCHINGLOW',
  title: 'Matching low',
  signal: '+100 where two black candles close at about the same price; else 0',
  lookback: 6,
});
