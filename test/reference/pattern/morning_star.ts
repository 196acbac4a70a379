import { type Bars, BODY_LONG, BODY_SHORT, patternReference, type Setting } from './common.js';

/** A long black candle, a star (body at most `star`'s average) gapping down, a white candle closing into the first body. */
export function isMorningStar(k: Bars, i: number, star: Setting, penetration: number): boolean {
  return k.color(i - 2) === -1 && k.body(i - 2) > k.average(BODY_LONG, i - 2) &&
    k.body(i - 1) <= k.average(star, i - 1) && k.bodyGapDown(i - 1, i - 2) &&
    k.color(i) === 1 && k.body(i) > k.average(BODY_SHORT, i) && k.c[i]! > k.c[i - 2]! + penetration * k.body(i - 2);
}

export default patternReference(12, (k, i, { penetration }) => (isMorningStar(k, i, BODY_SHORT, penetration!) ? 100 : 0));
