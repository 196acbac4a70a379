import { BODY_LONG, BODY_SHORT, NEAR, patternReference, SHADOW_VERY_SHORT } from './common.js';

export default patternReference(12, (k, i) =>
  [i - 2, i - 1, i].every((j) => k.color(j) === 1) && k.c[i]! > k.c[i - 1]! && k.c[i - 1]! > k.c[i - 2]! &&
  k.body(i - 2) > k.average(BODY_LONG, i - 2) && k.body(i - 1) > k.average(BODY_LONG, i - 1) &&
  k.upperShadow(i - 1) < k.average(SHADOW_VERY_SHORT, i - 1) &&
  k.o[i - 1]! > k.o[i - 2]! && k.o[i - 1]! <= k.c[i - 2]! + k.average(NEAR, i - 2) &&
  k.body(i) < k.average(BODY_SHORT, i) && k.o[i]! + k.body(i) + k.average(NEAR, i - 1) >= k.c[i - 1]!
    ? -100 : 0);
