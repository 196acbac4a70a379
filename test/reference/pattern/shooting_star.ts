import { BODY_SHORT, patternReference, SHADOW_LONG, SHADOW_VERY_SHORT } from './common.js';

export default patternReference(11, (k, i) =>
  k.body(i) < k.average(BODY_SHORT, i) && k.upperShadow(i) > k.average(SHADOW_LONG, i) &&
  k.lowerShadow(i) < k.average(SHADOW_VERY_SHORT, i) && k.bodyGapUp(i, i - 1)
    ? -100 : 0);
