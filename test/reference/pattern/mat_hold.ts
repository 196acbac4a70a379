import { BODY_LONG, BODY_SHORT, patternReference } from './common.js';

export default patternReference(14, (k, i, { penetration }) => {
  const small = [i - 3, i - 2, i - 1].every((j) => k.body(j) < k.average(BODY_SHORT, j));
  // The two reaction candles: bodies dipping into the first body, by less than penetration x its length.
  const held = [i - 2, i - 1].every((j) => k.bottom(j) < k.c[i - 4]! && k.bottom(j) > k.c[i - 4]! - penetration! * k.body(i - 4));
  return k.body(i - 4) > k.average(BODY_LONG, i - 4) && small && k.color(i - 4) === 1 && k.color(i - 3) === -1 && k.color(i) === 1 &&
    k.bodyGapUp(i - 3, i - 4) && held && k.top(i - 2) < k.o[i - 3]! && k.top(i - 1) < k.top(i - 2) &&
    k.o[i]! > k.c[i - 1]! && k.c[i]! > Math.max(k.h[i - 3]!, k.h[i - 2]!, k.h[i - 1]!) ? 100 : 0;
});
