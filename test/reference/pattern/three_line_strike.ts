import { NEAR, patternReference } from './common.js';

export default patternReference(8, (k, i) => {
  const sameThree = k.color(i - 3) === k.color(i - 2) && k.color(i - 2) === k.color(i - 1) && k.color(i) === -k.color(i - 1);
  const opensNear = (j: number) => k.o[j]! >= k.bottom(j - 1) - k.average(NEAR, j - 1) && k.o[j]! <= k.top(j - 1) + k.average(NEAR, j - 1);
  if (!sameThree || !opensNear(i - 2) || !opensNear(i - 1)) return 0;
  const c = (j: number) => k.c[i - j]!;
  if (k.color(i - 1) === 1 && c(1) > c(2) && c(2) > c(3) && k.o[i]! > c(1) && c(0) < k.o[i - 3]!) return 100;
  if (k.color(i - 1) === -1 && c(1) < c(2) && c(2) < c(3) && k.o[i]! < c(1) && c(0) > k.o[i - 3]!) return -100;
  return 0;
});
