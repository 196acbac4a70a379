import { EQUAL, patternReference } from './common.js';

export default patternReference(7, (k, i) =>
  k.color(i - 2) === -1 && k.color(i - 1) === 1 && k.color(i) === -1 && k.l[i - 1]! > k.c[i - 2]! &&
  Math.abs(k.c[i]! - k.c[i - 2]!) <= k.average(EQUAL, i - 2) ? 100 : 0);
