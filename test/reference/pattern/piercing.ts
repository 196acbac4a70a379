import { BODY_LONG, patternReference } from './common.js';

export default patternReference(11, (k, i) =>
  k.color(i - 1) === -1 && k.body(i - 1) > k.average(BODY_LONG, i - 1) && k.color(i) === 1 && k.body(i) > k.average(BODY_LONG, i) &&
  k.o[i]! < k.l[i - 1]! && k.c[i]! < k.o[i - 1]! && k.c[i]! > (k.o[i - 1]! + k.c[i - 1]!) / 2 ? 100 : 0);
