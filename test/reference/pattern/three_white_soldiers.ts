import { BODY_SHORT, FAR, NEAR, SHADOW_VERY_SHORT, patternReference } from './common.js';

export default patternReference(12, (k, i) => {
  const soldier = (j: number) => k.color(j) === 1 && k.upperShadow(j) < k.average(SHADOW_VERY_SHORT, j);
  // bar j opens inside or near bar j - 1's body and its body is not far shorter
  const follows = (j: number) => k.o[j]! > k.o[j - 1]! && k.o[j]! <= k.c[j - 1]! + k.average(NEAR, j - 1) &&
    k.body(j) > k.body(j - 1) - k.average(FAR, j - 1);
  return soldier(i - 2) && soldier(i - 1) && soldier(i) && k.c[i]! > k.c[i - 1]! && k.c[i - 1]! > k.c[i - 2]! &&
    follows(i - 1) && follows(i) && k.body(i) > k.average(BODY_SHORT, i)
    ? 100 : 0;
});
