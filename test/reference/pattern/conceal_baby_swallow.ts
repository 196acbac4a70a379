import { SHADOW_VERY_SHORT, patternReference } from './common.js';

export default patternReference(13, (k, i) => {
  const marubozu = (j: number) => k.lowerShadow(j) < k.average(SHADOW_VERY_SHORT, j) && k.upperShadow(j) < k.average(SHADOW_VERY_SHORT, j);
  const allBlack = [3, 2, 1, 0].every((d) => k.color(i - d) === -1);
  return allBlack && marubozu(i - 3) && marubozu(i - 2) && k.bodyGapDown(i - 1, i - 2) &&
    k.upperShadow(i - 1) > k.average(SHADOW_VERY_SHORT, i - 1) && k.h[i - 1]! > k.c[i - 2]! &&
    k.h[i]! > k.h[i - 1]! && k.l[i]! < k.l[i - 1]!
    ? 100 : 0;
});
