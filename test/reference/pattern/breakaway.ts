import { BODY_LONG, patternReference } from './common.js';

export default patternReference(14, (k, i) => {
  const col = k.color(i - 4);
  if (!(k.body(i - 4) > k.average(BODY_LONG, i - 4) && k.color(i - 3) === col && k.color(i - 1) === col && k.color(i) === -col)) return 0;
  // d = -1 when the first candle is black (prices break down), +1 when white
  const d = col;
  const further = (j: number) => d * (k.h[j]! - k.h[j - 1]!) > 0 && d * (k.l[j]! - k.l[j - 1]!) > 0;
  const gap = d === -1 ? k.bodyGapDown(i - 3, i - 4) : k.bodyGapUp(i - 3, i - 4);
  const insideGap = d === -1 ? k.c[i]! > k.o[i - 3]! && k.c[i]! < k.c[i - 4]! : k.c[i]! < k.o[i - 3]! && k.c[i]! > k.c[i - 4]!;
  return gap && further(i - 2) && further(i - 1) && insideGap ? k.color(i) * 100 : 0;
});
