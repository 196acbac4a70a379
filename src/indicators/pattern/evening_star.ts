import { patternDef } from './common.js';

export default patternDef({
  name: 'evening_star',
  talib: 'CDLEVENINGSTAR',
  title: 'Evening star',
  signal: '-100 on an evening star; else 0',
  lookback: 12,
  penetration: 0.3,
});
