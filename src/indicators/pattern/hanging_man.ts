import { patternDef } from './common.js';

export default patternDef({
  name: 'hanging_man',
  talib: 'CDLHANGINGMAN',
  title: 'Hanging man',
  signal: '-100 on a hanging man (short body, long lower shadow, no upper shadow, at or above the prior high); else 0',
  lookback: 11,
});
