import { patternDef } from './common.js';

export default patternDef({
  name: 'thrusting',
  talib: 'CDLTHRUSTING',
  title: 'Thrusting pattern',
  signal: '-100 where a long black candle is followed by a white one opening below its low and closing into its body but not above the middle; else 0',
  lookback: 11,
});
