import { BODY_LONG, BODY_SHORT, patternReference } from './common.js';

export default patternReference(11, (k, i) =>
  k.color(i - 1) === -1 && k.color(i) === -1 && k.body(i - 1) > k.average(BODY_LONG, i - 1) &&
  k.body(i) <= k.average(BODY_SHORT, i) && k.o[i]! < k.o[i - 1]! && k.c[i]! > k.c[i - 1]!
    ? 100 : 0);
