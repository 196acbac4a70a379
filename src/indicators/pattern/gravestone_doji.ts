import { patternDef } from './common.js';

export default patternDef({
  name: 'gravestone_doji',
  talib: 'CDLGRAVESTONEDOJI',
  title: 'Gravestone doji',
  signal: '+100 on a gravestone doji (doji with no lower shadow and an upper one); else 0',
  lookback: 10,
});
