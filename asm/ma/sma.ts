// ma.sma; mirrors native/ma/sma.h: one prefix-sum pass per call serves every
// window of the block, a row of the block per bar.
import { at, Call, putRow, ROW } from "../abi";
import { loadWindowLanes, prepareSourcePrefix, sourceLastGap, sourcePrefix, sourcePrefixScratch, WINDOW_INV, WINDOW_N } from "./common";

export function scratch(T: i32): f64 { return sourcePrefixScratch(T); }

export function prepare(c: Call): i32 { return prepareSourcePrefix(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const prefix = sourcePrefix(c), lastGap = sourceLastGap(c);
  const lanes = loadWindowLanes(c, 0, b0, nb);
  const n0 = <i32>load<f64>(WINDOW_N);
  for (let t = 0; t < c.T; ++t) {
    const run = <f64>t - at(lastGap, t);
    const head = at(prefix, t + 1);
    // Multiply by 1/n, as native/ma/sma.h does (within one ulp of TA-Lib's divide).
    if (run >= lanes.longest && lanes.consecutive) {
      // prefix[t + 1 - n[j]] for j, j + 1 are the pair at t - n[0] - j, swapped.
      const h = f64x2.splat(head);
      let j = 0;
      for (; j + 2 <= nb; j += 2) {
        const pair = v128.load(prefix + (<usize>(t - n0 - j) << 3));
        const tail = v128.shuffle<f64>(pair, pair, 1, 0);
        const inv = v128.load(WINDOW_INV + (<usize>j << 3));
        v128.store(ROW + (<usize>j << 3), f64x2.mul(f64x2.sub(h, tail), inv));
      }
      for (; j < nb; ++j) store<f64>(ROW + (<usize>j << 3), (head - at(prefix, t + 1 - n0 - j)) * load<f64>(WINDOW_INV + (<usize>j << 3)));
    } else {
      for (let j = 0; j < nb; ++j) {
        const w = load<f64>(WINDOW_N + (<usize>j << 3));
        const v = run >= w ? (head - at(prefix, t + 1 - <i32>w)) * load<f64>(WINDOW_INV + (<usize>j << 3)) : NaN;
        store<f64>(ROW + (<usize>j << 3), v);
      }
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
