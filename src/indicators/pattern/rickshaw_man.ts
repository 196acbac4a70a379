import { patternDef } from './common.js';

export default patternDef({
  name: 'rickshaw_man',
  talib: 'CDLRICKSHAWMAN',
  title: 'Rickshaw man',
  signal: '+100 on a doji with two long shadows and its body near the middle of the range; else 0',
  lookback: 10,
});
