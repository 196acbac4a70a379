import { patternDef } from './common.js';

export default patternDef({
  name: 'hikkake_mod',
  talib: 'CDLHIKKAKEMOD',
  title: 'Modified hikkake',
  signal: '+100 / -100 on a bullish / bearish modified hikkake bar, +200 / -200 on the bar confirming it within three bars; else 0',
  lookback: 10,
  notes: 'The state of a pattern found in the three bars before the first output carries into it, as in TA-Lib.',
});
