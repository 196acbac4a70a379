// ma.wma; mirrors native/ma/wma.h: windows up to DENSE_WMA read the sums of
// every window (diagonalPush), longer ones keep running WMAs, packed.
import { at, BLOCK, Call, input, param, putRow, ROW } from "../abi";
import { wmaDivider } from "../primitives";
import { clearWma, DENSE_WMA, diagonalPush, diagonalSums, lane, WMA_LANES, wmaFeed, wmaSlide } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

const SCALE: usize = memory.data(BLOCK * 8, 16);     // 1 / lane j's divider
const SUM_AT: usize = memory.data(BLOCK * 4, 16);     // lane j's entry of the sums, 0 for a long window
const LONG_LANE: usize = memory.data(BLOCK * 4, 16);  // lane of long window i

@inline function i32At(base: usize, j: i32): i32 { return load<i32>(base + (<usize>j << 2)); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const running = WMA_LANES;
  let nLong = 0, depth = 0, longest = 0;
  let range = true;  // every window dense and n[j] = n[0] + j
  for (let j = 0; j < nb; ++j) {
    const n = <i32>param(c, 0, b0 + j);
    longest = max(longest, n);
    store<f64>(lane(SCALE, j), 1.0 / wmaDivider(<f64>n));
    let sumAt = 0;
    if (n <= DENSE_WMA) {
      sumAt = n;
      depth = max(depth, n);
    } else {
      store<i32>(LONG_LANE + (<usize>nLong << 2), j);
      ++nLong;
    }
    store<i32>(SUM_AT + (<usize>j << 2), sumAt);
    range = range && sumAt == i32At(SUM_AT, 0) + j && sumAt > 0;
  }
  clearWma(running, nLong);
  // From this age on every window is full and drops a value.
  const steady = min(e, s + longest);
  let parity = 0;
  for (let t = s; t < steady; ++t) {
    const age = t - s;
    const xt = at(x, t);
    parity ^= 1;
    diagonalPush(parity, depth, xt);
    const sums = diagonalSums(parity);
    for (let j = 0; j < nb; ++j) {
      const k = i32At(SUM_AT, j);
      store<f64>(lane(ROW, j), age + 1 >= k ? load<f64>(lane(sums, k)) * load<f64>(lane(SCALE, j)) : NaN);
    }
    for (let i = 0; i < nLong; ++i) {
      const j = i32At(LONG_LANE, i), n = <i32>param(c, 0, b0 + j);
      store<f64>(lane(ROW, j), wmaFeed(running, i, xt, at(x, t - min(age, n)), age, n));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
  for (let t = steady; t < e; ++t) {
    const xt = at(x, t);
    parity ^= 1;
    diagonalPush(parity, depth, xt);
    const sums = diagonalSums(parity);
    if (range) {
      const from = lane(sums, i32At(SUM_AT, 0));
      let j = 0;
      for (; j + 2 <= nb; j += 2) {
        const off = <usize>j << 3;
        v128.store(ROW + off, f64x2.mul(v128.load(from + off), v128.load(SCALE + off)));
      }
      for (; j < nb; ++j) store<f64>(lane(ROW, j), load<f64>(lane(from, j)) * load<f64>(lane(SCALE, j)));
    } else {
      for (let j = 0; j < nb; ++j) store<f64>(lane(ROW, j), load<f64>(lane(sums, i32At(SUM_AT, j))) * load<f64>(lane(SCALE, j)));
      for (let i = 0; i < nLong; ++i) {
        const j = i32At(LONG_LANE, i), w = param(c, 0, b0 + j);
        store<f64>(lane(ROW, j), wmaSlide(running, i, xt, at(x, t - <i32>w), w, wmaDivider(w)));
      }
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
