import { BODY_LONG, patternReference, SHADOW_SHORT } from './common.js';

export default patternReference(10, (k, i) =>
  k.body(i) > k.average(BODY_LONG, i) && Math.max(k.upperShadow(i), k.lowerShadow(i)) < k.average(SHADOW_SHORT, i) ? 100 * k.color(i) : 0);
