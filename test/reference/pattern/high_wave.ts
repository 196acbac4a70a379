import { BODY_SHORT, SHADOW_VERY_LONG, patternReference } from './common.js';

export default patternReference(10, (k, i) =>
  k.body(i) < k.average(BODY_SHORT, i) && k.upperShadow(i) > k.average(SHADOW_VERY_LONG, i) &&
  k.lowerShadow(i) > k.average(SHADOW_VERY_LONG, i)
    ? k.color(i) * 100 : 0);
