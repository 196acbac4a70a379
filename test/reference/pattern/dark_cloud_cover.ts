import { BODY_LONG, patternReference } from './common.js';

export default patternReference(11, (k, i, { penetration: p }) =>
  k.color(i - 1) === 1 && k.body(i - 1) > k.average(BODY_LONG, i - 1) && k.color(i) === -1 &&
  k.o[i]! > k.h[i - 1]! && k.c[i]! > k.o[i - 1]! && k.c[i]! < k.c[i - 1]! - k.body(i - 1) * p!
    ? -100 : 0);
