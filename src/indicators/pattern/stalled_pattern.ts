import { patternDef } from './common.js';

export default patternDef({
  name: 'stalled_pattern',
  talib: 'CDLSTALLEDPATTERN',
  title: 'Stalled pattern',
  signal: '-100 where two long rising white candles are followed by a small white one riding on the shoulder of the second; else 0',
  lookback: 12,
});
