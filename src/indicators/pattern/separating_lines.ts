import { patternDef } from './common.js';

export default patternDef({
  name: 'separating_lines',
  talib: 'CDLSEPARATINGLINES',
  title: 'Separating lines',
  signal: '+100 where a black candle is followed by a long white one opening at the same price with almost no lower shadow, -100 the mirror; else 0',
  lookback: 11,
});
