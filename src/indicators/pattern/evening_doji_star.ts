import { patternDef } from './common.js';

export default patternDef({
  name: 'evening_doji_star',
  talib: 'CDLEVENINGDOJISTAR',
  title: 'Evening doji star',
  signal: '-100 on an evening doji star; else 0',
  lookback: 12,
  penetration: 0.3,
});
