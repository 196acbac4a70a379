import { patternReference, SHADOW_VERY_SHORT } from './common.js';

export default patternReference(14, (k, i) => {
  const falling = [i - 4, i - 3, i - 2].every((j) => k.color(j) === -1) &&
    k.o[i - 4]! > k.o[i - 3]! && k.o[i - 3]! > k.o[i - 2]! && k.c[i - 4]! > k.c[i - 3]! && k.c[i - 3]! > k.c[i - 2]!;
  return falling && k.color(i - 1) === -1 && k.upperShadow(i - 1) > k.average(SHADOW_VERY_SHORT, i - 1) &&
    k.color(i) === 1 && k.o[i]! > k.o[i - 1]! && k.c[i]! > k.h[i - 1]! ? 100 : 0;
});
