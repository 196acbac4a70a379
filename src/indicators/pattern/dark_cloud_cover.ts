import { patternDef } from './common.js';

export default patternDef({
  name: 'dark_cloud_cover',
  talib: 'CDLDARKCLOUDCOVER',
  title: 'Dark cloud cover',
  signal: '-100 on a dark cloud cover (long white, then black opening above its high and closing deep in its body); else 0',
  lookback: 11,
  penetration: 0.5,
});
