import { patternReference, SHADOW_VERY_SHORT } from './common.js';

export default patternReference(13, (k, i) => {
  const blackCrow = (j: number) => k.color(j) === -1 && k.lowerShadow(j) < k.average(SHADOW_VERY_SHORT, j);
  return k.color(i - 3) === 1 && blackCrow(i - 2) && blackCrow(i - 1) && blackCrow(i) &&
    k.o[i - 1]! < k.o[i - 2]! && k.o[i - 1]! > k.c[i - 2]! && k.o[i]! < k.o[i - 1]! && k.o[i]! > k.c[i - 1]! &&
    k.h[i - 3]! > k.c[i - 2]! && k.c[i - 2]! > k.c[i - 1]! && k.c[i - 1]! > k.c[i]!
    ? -100 : 0;
});
