import { patternDef } from './common.js';

export default patternDef({
  name: 'high_wave',
  talib: 'CDLHIGHWAVE',
  title: 'High-wave candle',
  signal: '+100 white high-wave candle (short body, very long shadows both sides), -100 black; else 0',
  lookback: 10,
});
