import { patternDef } from './common.js';

export default patternDef({
  name: 'xside_gap_three_methods',
  talib: 'CDLXSIDEGAP3METHODS',
  title: 'Upside/downside gap three methods',
  signal: '+100 upside gap three methods (two white candles with a body gap, then a black one opening in the second body and closing in the first), -100 downside (the mirror); else 0',
  lookback: 2,
});
