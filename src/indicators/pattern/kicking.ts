import { patternDef } from './common.js';

export default patternDef({
  name: 'kicking',
  talib: 'CDLKICKING',
  title: 'Kicking',
  signal: '+100 where a black marubozu is followed by a white one gapping up, -100 for a white marubozu followed by a black one gapping down; else 0',
  lookback: 11,
});
