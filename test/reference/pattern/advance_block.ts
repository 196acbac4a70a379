import { BODY_LONG, FAR, NEAR, SHADOW_LONG, SHADOW_SHORT, patternReference } from './common.js';

export default patternReference(12, (k, i) => {
  const b = (j: number) => k.body(i - j);
  const rising = k.color(i - 2) === 1 && k.color(i - 1) === 1 && k.color(i) === 1 &&
    k.c[i]! > k.c[i - 1]! && k.c[i - 1]! > k.c[i - 2]! &&
    k.o[i - 1]! > k.o[i - 2]! && k.o[i - 1]! <= k.c[i - 2]! + k.average(NEAR, i - 2) &&
    k.o[i]! > k.o[i - 1]! && k.o[i]! <= k.c[i - 1]! + k.average(NEAR, i - 1) &&
    b(2) > k.average(BODY_LONG, i - 2) && k.upperShadow(i - 2) < k.average(SHADOW_SHORT, i - 2);
  const blocked =
    (b(1) < b(2) - k.average(FAR, i - 2) && b(0) < b(1) + k.average(NEAR, i - 1)) ||
    b(0) < b(1) - k.average(FAR, i - 1) ||
    (b(0) < b(1) && b(1) < b(2) && (k.upperShadow(i) > k.average(SHADOW_SHORT, i) || k.upperShadow(i - 1) > k.average(SHADOW_SHORT, i - 1))) ||
    (b(0) < b(1) && k.upperShadow(i) > k.average(SHADOW_LONG, i));
  return rising && blocked ? -100 : 0;
});
