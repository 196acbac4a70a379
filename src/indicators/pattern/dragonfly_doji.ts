import { patternDef } from './common.js';

export default patternDef({
  name: 'dragonfly_doji',
  talib: 'CDLDRAGONFLYDOJI',
  title: 'Dragonfly doji',
  signal: '+100 on a dragonfly doji (doji with no upper shadow and a lower one); else 0',
  lookback: 10,
});
