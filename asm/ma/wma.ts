// ma.wma; mirrors native/ma/wma.h.
import { at, Call, input, param, putRow, ROW, STATE_A, STATE_B } from "../abi";
import { wmaDivider, wmaNext } from "../primitives";
import { clearLanes, lane, loadWindowLanes, wmaFeed, WINDOW_N } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const sum = STATE_A, sub = STATE_B;
  clearLanes(sum, nb);
  clearLanes(sub, nb);
  const lanes = loadWindowLanes(c, 0, b0, nb);
  // From this age on every window is full and drops a value (WmaLanes::slide).
  const steady = min(e, s + <i32>lanes.longest);
  for (let t = s; t < steady; ++t) {
    const age = t - s;
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      store<f64>(ROW + (<usize>j << 3), wmaFeed(lane(sum, j), lane(sub, j), at(x, t), at(x, t - min(age, n)), age, n));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
  const n0 = <i32>load<f64>(WINDOW_N);
  for (let t = steady; t < e; ++t) {
    const xt = at(x, t);
    let j = 0;
    if (lanes.consecutive) {
      // wmaNext on two lanes at once, operation for operation; x[t - n[j]]
      // for j, j + 1 are the pair at t - n[0] - j - 1, swapped.
      const x2 = f64x2.splat(xt);
      for (; j + 2 <= nb; j += 2) {
        const off = <usize>j << 3;
        const pair = v128.load(x + (<usize>(t - n0 - j - 1) << 3));
        const trailing = v128.shuffle<f64>(pair, pair, 1, 0);
        const n = v128.load(WINDOW_N + off);
        const sNew = f64x2.sub(f64x2.add(v128.load(sub + off), x2), trailing);
        const w = f64x2.add(v128.load(sum + off), f64x2.mul(x2, n));
        v128.store(sub + off, sNew);
        v128.store(sum + off, f64x2.sub(w, sNew));
        const divider = f64x2.div(f64x2.mul(n, f64x2.add(n, f64x2.splat(1.0))), f64x2.splat(2.0));
        v128.store(ROW + off, f64x2.div(w, divider));
      }
    }
    for (; j < nb; ++j) {
      const w = load<f64>(WINDOW_N + (<usize>j << 3));
      store<f64>(ROW + (<usize>j << 3), wmaNext(lane(sum, j), lane(sub, j), xt, at(x, t - <i32>w), w, wmaDivider(w)));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
