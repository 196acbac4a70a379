import { BODY_DOJI, SHADOW_VERY_SHORT, patternReference } from './common.js';

export default patternReference(10, (k, i) =>
  k.body(i) <= k.average(BODY_DOJI, i) && k.lowerShadow(i) < k.average(SHADOW_VERY_SHORT, i) &&
  k.upperShadow(i) > k.average(SHADOW_VERY_SHORT, i)
    ? 100 : 0);
