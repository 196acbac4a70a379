import { patternDef } from './common.js';

export default patternDef({
  name: 'breakaway',
  talib: 'CDLBREAKAWAY',
  title: 'Breakaway',
  signal: '+100 bullish breakaway, -100 bearish; else 0',
  lookback: 14,
});
