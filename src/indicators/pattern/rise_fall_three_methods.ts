import { patternDef } from './common.js';

export default patternDef({
  name: 'rise_fall_three_methods',
  talib: 'CDLRISEFALL3METHODS',
  title: 'Rising/falling three methods',
  signal: '+100 rising three methods (long white, three small falling candles within its range, long white closing above the first), -100 falling (the mirror); else 0',
  lookback: 14,
});
