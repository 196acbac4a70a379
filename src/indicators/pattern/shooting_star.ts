import { patternDef } from './common.js';

export default patternDef({
  name: 'shooting_star',
  talib: 'CDLSHOOTINGSTAR',
  title: 'Shooting star',
  signal: '-100 where a small body with a long upper shadow and almost no lower shadow gaps up from the previous body; else 0',
  lookback: 11,
});
