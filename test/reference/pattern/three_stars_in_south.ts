import { BODY_LONG, BODY_SHORT, SHADOW_LONG, SHADOW_VERY_SHORT, patternReference } from './common.js';

export default patternReference(12, (k, i) =>
  k.color(i - 2) === -1 && k.color(i - 1) === -1 && k.color(i) === -1 &&
  k.body(i - 2) > k.average(BODY_LONG, i - 2) && k.lowerShadow(i - 2) > k.average(SHADOW_LONG, i - 2) &&
  k.body(i - 1) < k.body(i - 2) && k.o[i - 1]! > k.c[i - 2]! && k.o[i - 1]! <= k.h[i - 2]! &&
  k.l[i - 1]! < k.c[i - 2]! && k.l[i - 1]! >= k.l[i - 2]! && k.lowerShadow(i - 1) > k.average(SHADOW_VERY_SHORT, i - 1) &&
  k.body(i) < k.average(BODY_SHORT, i) && k.lowerShadow(i) < k.average(SHADOW_VERY_SHORT, i) &&
  k.upperShadow(i) < k.average(SHADOW_VERY_SHORT, i) && k.l[i]! > k.l[i - 1]! && k.h[i]! < k.h[i - 1]!
    ? 100 : 0);
