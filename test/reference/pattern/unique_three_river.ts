import { BODY_LONG, BODY_SHORT, patternReference } from './common.js';

export default patternReference(12, (k, i) =>
  k.color(i - 2) === -1 && k.body(i - 2) > k.average(BODY_LONG, i - 2) &&
  k.color(i - 1) === -1 && k.c[i - 1]! > k.c[i - 2]! && k.o[i - 1]! <= k.o[i - 2]! && k.l[i - 1]! < k.l[i - 2]! &&
  k.color(i) === 1 && k.body(i) < k.average(BODY_SHORT, i) && k.o[i]! > k.l[i - 1]!
    ? 100 : 0);
