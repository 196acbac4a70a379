import { EQUAL, NEAR, patternReference } from './common.js';

export default patternReference(7, (k, i) => {
  const up = k.bodyGapUp(i - 1, i - 2) && k.bodyGapUp(i, i - 2);
  const down = k.bodyGapDown(i - 1, i - 2) && k.bodyGapDown(i, i - 2);
  const near = k.average(NEAR, i - 1), equal = k.average(EQUAL, i - 1);
  const sideBySide = k.color(i - 1) === 1 && k.color(i) === 1 &&
    k.body(i) >= k.body(i - 1) - near && k.body(i) <= k.body(i - 1) + near &&
    k.o[i]! >= k.o[i - 1]! - equal && k.o[i]! <= k.o[i - 1]! + equal;
  return (up || down) && sideBySide ? (k.bodyGapUp(i - 1, i - 2) ? 100 : -100) : 0;
});
