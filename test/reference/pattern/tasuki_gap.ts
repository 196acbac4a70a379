import { NEAR, patternReference } from './common.js';

export default patternReference(7, (k, i) => {
  const d = k.color(i - 1); // +1 upside, -1 downside
  const gap = d === 1 ? k.bodyGapUp(i - 1, i - 2) : k.bodyGapDown(i - 1, i - 2);
  const gapEdge = d === 1 ? k.top(i - 2) : k.bottom(i - 2);
  // The last candle opens inside the gap candle's body and closes beyond it, inside the gap.
  return gap && k.color(i) === -d && d * k.o[i]! < d * k.c[i - 1]! && d * k.o[i]! > d * k.o[i - 1]! &&
    d * k.c[i]! < d * k.o[i - 1]! && d * k.c[i]! > d * gapEdge &&
    Math.abs(k.body(i - 1) - k.body(i)) < k.average(NEAR, i - 1) ? 100 * d : 0;
});
