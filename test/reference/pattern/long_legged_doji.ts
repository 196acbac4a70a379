import { BODY_DOJI, patternReference, SHADOW_LONG } from './common.js';

export default patternReference(10, (k, i) =>
  k.body(i) <= k.average(BODY_DOJI, i) && Math.max(k.upperShadow(i), k.lowerShadow(i)) > k.average(SHADOW_LONG, i) ? 100 : 0);
