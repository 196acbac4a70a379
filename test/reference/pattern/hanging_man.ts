import { BODY_SHORT, NEAR, SHADOW_LONG, SHADOW_VERY_SHORT, patternReference } from './common.js';

export default patternReference(11, (k, i) =>
  k.body(i) < k.average(BODY_SHORT, i) && k.lowerShadow(i) > k.average(SHADOW_LONG, i) &&
  k.upperShadow(i) < k.average(SHADOW_VERY_SHORT, i) && k.bottom(i) >= k.h[i - 1]! - k.average(NEAR, i - 1)
    ? -100 : 0);
