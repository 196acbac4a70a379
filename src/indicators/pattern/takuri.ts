import { patternDef } from './common.js';

export default patternDef({
  name: 'takuri',
  talib: 'CDLTAKURI',
  title: 'Takuri (dragonfly doji with a very long lower shadow)',
  signal: '+100 on a doji with a very short upper shadow and a very long lower one; else 0',
  lookback: 10,
});
