import { patternDef } from './common.js';

export default patternDef({
  name: 'hikkake',
  talib: 'CDLHIKKAKE',
  title: 'Hikkake',
  signal: '+100 / -100 on a bullish / bearish hikkake bar (breakout from an inside bar), +200 / -200 on the bar confirming it within three bars; else 0',
  lookback: 5,
  notes: 'The state of a hikkake found in the three bars before the first output carries into it, as in TA-Lib.',
});
