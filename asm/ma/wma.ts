// ma.wma; mirrors native/ma/wma.h.
import { at, Call, input, param, putRow, ROW } from "../abi";
import { splitHigh, twoSumError, wmaDivider } from "../primitives";
import { clearWma, lane, loadWindowLanes, WINDOW_N, WMA_LANES, wmaFeed, wmaPart, wmaSlide } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

// twoSumError on two lanes.
@inline function twoSumError2(a: v128, b: v128, s: v128): v128 {
  const bb = f64x2.sub(s, a);
  return f64x2.add(f64x2.sub(a, f64x2.sub(s, bb)), f64x2.sub(b, bb));
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const sums = WMA_LANES;
  clearWma(sums, nb);
  const lanes = loadWindowLanes(c, 0, b0, nb);
  // From this age on every window is full and drops a value (WmaLanes::slide).
  const steady = min(e, s + <i32>lanes.longest);
  for (let t = s; t < steady; ++t) {
    const age = t - s;
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      store<f64>(lane(ROW, j), wmaFeed(sums, j, at(x, t), at(x, t - min(age, n)), age, n));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
  const n0 = <i32>load<f64>(WINDOW_N);
  const sum = wmaPart(sums, 0, 0), sumErr = wmaPart(sums, 1, 0), sub = wmaPart(sums, 2, 0), subErr = wmaPart(sums, 3, 0);
  for (let t = steady; t < e; ++t) {
    const xt = at(x, t);
    let j = 0;
    if (lanes.consecutive) {
      // wmaNext on two lanes at once, operation for operation; x[t - n[j]]
      // for j, j + 1 are the pair at t - n[0] - j - 1, swapped.
      const hi = splitHigh(xt);
      const x2 = f64x2.splat(xt), hi2 = f64x2.splat(hi), lo2 = f64x2.splat(xt - hi);
      for (; j + 2 <= nb; j += 2) {
        const off = <usize>j << 3;
        const pair = v128.load(x + (<usize>(t - n0 - j - 1) << 3));
        const drop = f64x2.neg(v128.shuffle<f64>(pair, pair, 1, 0));
        const n = v128.load(WINDOW_N + off);
        // sub += x, sub -= trailing (compensatedAdd)
        const sub0 = v128.load(sub + off);
        const sub1 = f64x2.add(sub0, x2);
        const sub2 = f64x2.add(sub1, drop);
        const subE = f64x2.add(f64x2.add(v128.load(subErr + off), twoSumError2(sub0, x2, sub1)), twoSumError2(sub1, drop, sub2));
        // sum += x * n (weightedAdd)
        const sum0 = v128.load(sum + off);
        const p = f64x2.mul(hi2, n);
        const sum1 = f64x2.add(sum0, p);
        const sumE1 = f64x2.add(v128.load(sumErr + off), f64x2.add(twoSumError2(sum0, p, sum1), f64x2.mul(lo2, n)));
        const divider = f64x2.div(f64x2.mul(n, f64x2.add(n, f64x2.splat(1.0))), f64x2.splat(2.0));
        v128.store(ROW + off, f64x2.div(f64x2.add(sum1, sumE1), divider));
        // sum -= sub
        const negSub = f64x2.neg(sub2);
        const sum2 = f64x2.add(sum1, negSub);
        v128.store(sum + off, sum2);
        v128.store(sumErr + off, f64x2.sub(f64x2.add(sumE1, twoSumError2(sum1, negSub, sum2)), subE));
        v128.store(sub + off, sub2);
        v128.store(subErr + off, subE);
      }
    }
    for (; j < nb; ++j) {
      const w = load<f64>(lane(WINDOW_N, j));
      store<f64>(lane(ROW, j), wmaSlide(sums, j, xt, at(x, t - <i32>w), w, wmaDivider(w)));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
