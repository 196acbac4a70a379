import { patternDef } from './common.js';

export default patternDef({
  name: 'hammer',
  talib: 'CDLHAMMER',
  title: 'Hammer',
  signal: '+100 on a hammer (short body, long lower shadow, no upper shadow, at or below the prior low); else 0',
  lookback: 11,
});
