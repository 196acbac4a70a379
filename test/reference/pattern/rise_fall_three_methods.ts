import { BODY_LONG, BODY_SHORT, patternReference } from './common.js';

export default patternReference(14, (k, i) => {
  const d = k.color(i - 4); // +1 rising, -1 falling
  const middle = [i - 3, i - 2, i - 1];
  const shape = k.body(i - 4) > k.average(BODY_LONG, i - 4) && k.body(i) > k.average(BODY_LONG, i) &&
    middle.every((j) => k.body(j) < k.average(BODY_SHORT, j) && k.color(j) === -d && k.bottom(j) < k.h[i - 4]! && k.top(j) > k.l[i - 4]!) &&
    k.color(i) === d;
  // Written for the rising case; the falling one is its mirror (every price negated).
  const moves = d * k.c[i - 2]! < d * k.c[i - 3]! && d * k.c[i - 1]! < d * k.c[i - 2]! &&
    d * k.o[i]! > d * k.c[i - 1]! && d * k.c[i]! > d * k.c[i - 4]!;
  return shape && moves ? 100 * d : 0;
});
