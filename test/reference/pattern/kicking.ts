import { type Bars, BODY_LONG, patternReference, SHADOW_VERY_SHORT } from './common.js';

/** Two marubozu of opposite colours with a gap in the second one's direction. */
export function isKick(k: Bars, i: number): boolean {
  const marubozu = (j: number) => k.body(j) > k.average(BODY_LONG, j) &&
    Math.max(k.upperShadow(j), k.lowerShadow(j)) < k.average(SHADOW_VERY_SHORT, j);
  return k.color(i - 1) !== k.color(i) && marubozu(i - 1) && marubozu(i) &&
    (k.color(i) === 1 ? k.gapUp(i, i - 1) : k.gapDown(i, i - 1));
}

export default patternReference(11, (k, i) => (isKick(k, i) ? 100 * k.color(i) : 0));
