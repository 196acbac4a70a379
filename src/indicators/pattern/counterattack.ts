import { patternDef } from './common.js';

export default patternDef({
  name: 'counterattack',
  talib: 'CDLCOUNTERATTACK',
  title: 'Counterattack',
  signal: '+100 bullish counterattack (long black, then long white closing at its close), -100 bearish; else 0',
  lookback: 11,
});
