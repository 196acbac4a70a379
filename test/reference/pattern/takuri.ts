import { BODY_DOJI, patternReference, SHADOW_VERY_LONG, SHADOW_VERY_SHORT } from './common.js';

export default patternReference(10, (k, i) =>
  k.body(i) <= k.average(BODY_DOJI, i) && k.upperShadow(i) < k.average(SHADOW_VERY_SHORT, i) &&
  k.lowerShadow(i) > k.average(SHADOW_VERY_LONG, i) ? 100 : 0);
