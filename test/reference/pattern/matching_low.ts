import { EQUAL, patternReference } from './common.js';

export default patternReference(6, (k, i) =>
  k.color(i - 1) === -1 && k.color(i) === -1 && Math.abs(k.c[i]! - k.c[i - 1]!) <= k.average(EQUAL, i - 1) ? 100 : 0);
