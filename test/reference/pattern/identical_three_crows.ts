import { EQUAL, patternReference, SHADOW_VERY_SHORT } from './common.js';

export default patternReference(12, (k, i) => {
  const crow = (j: number) => k.color(j) === -1 && k.lowerShadow(j) < k.average(SHADOW_VERY_SHORT, j);
  const opensAtClose = (j: number) => Math.abs(k.o[j]! - k.c[j - 1]!) <= k.average(EQUAL, j - 1);
  return crow(i - 2) && crow(i - 1) && crow(i) && k.c[i - 2]! > k.c[i - 1]! && k.c[i - 1]! > k.c[i]! &&
    opensAtClose(i - 1) && opensAtClose(i) ? -100 : 0;
});
