// What several moving averages share (see native/ma/common.h): running WMA
// lanes (WMA, HMA) and chains of seeded smoothers (EMA, DEMA, TEMA, T3, RMA,
// ZLEMA). Lanes live in static areas and scratch; wasm has no vector path, so
// there is no separate branch-free phase.
import {
  at, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B, STATE_C,
  STATE_D,
} from "../abi";
import { averageLane, prefixLength, prefixSums, seedsFirst, wmaDivider, wmaNext, wmaPrime } from "../primitives";

// Value i (from 0) of a series into the running WMA of span w whose sums sit
// at `sum` and `sub`; trailing is value i − w, ignored while i < w. NaN until
// the window is full (WmaLanes::feed).
export function wmaFeed(sum: usize, sub: usize, x: f64, trailing: f64, i: i32, w: i32): f64 {
  if (i + 1 < w) {
    wmaPrime(sum, sub, x, <f64>(i + 1));
    return NaN;
  }
  const n = <f64>w;
  return wmaNext(sum, sub, x, i >= w ? trailing : 0.0, n, wmaDivider(n));
}

@inline export function lane(area: usize, j: i32): usize { return area + (<usize>j << 3); }

export function clearLanes(area: usize, nb: i32): void {
  for (let j = 0; j < nb; ++j) store<f64>(lane(area, j), 0.0);
}

// EMA, DEMA, TEMA, T3, RMA and ZLEMA: chains of smoothers over SeededAverage
// lanes (lane d of variant j is stage d); mirrors emaChain in native/ma/common.h.
export const EMA = 0, DEMA = 1, TEMA = 2, T3 = 3, RMA = 4, ZLEMA = 5;

@inline function chainDepth(kind: i32): i32 {
  return kind == DEMA ? 2 : kind == TEMA ? 3 : kind == T3 ? 6 : 1;
}

@inline function t3Step(e: f64, x: f64, k: f64): f64 { return k * x + (1.0 - k) * e; }

@inline function zlemaLag(n: f64): i32 { return (<i32>n - 1) / 2; }

export function emaChainBlock<O>(c: Call, b0: i32, nb: i32, kind: i32): void {
  const c1 = STATE_A, c2 = STATE_B, c3 = STATE_C, c4 = STATE_D;
  if (kind == T3) {
    for (let j = 0; j < nb; ++j) {
      const a = param(c, 1, b0 + j), a2 = a * a, k1 = -(a2 * a);
      setSlot(c1, j, k1);
      setSlot(c2, j, 3.0 * (a2 - k1));
      setSlot(c3, j, -6.0 * a2 - 3.0 * (a - k1));
      setSlot(c4, j, 1.0 + 3.0 * a - k1 + 3.0 * a2);
    }
  }
}

// seedParam: index of the `seed` param.
export function emaChainSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, kind: i32, seedParam: i32): void {
  const x = input(c, 0);
  const depth = chainDepth(kind);
  const c1 = STATE_A, c2 = STATE_B, c3 = STATE_C, c4 = STATE_D;
  for (let d = 0; d < depth; ++d)
    for (let j = 0; j < nb; ++j) averageLane(d, j).reset(param(c, 0, b0 + j), kind == RMA, seedsFirst(c, seedParam, b0 + j));
  for (let t = s; t < e; ++t) {
    const xt = at(x, t);
    for (let j = 0; j < nb; ++j) {
      const lag = kind == ZLEMA ? zlemaLag(param(c, 0, b0 + j)) : 0;
      let ready = t - s >= lag;
      let v = ready ? (kind == ZLEMA ? xt + (xt - at(x, t - lag)) : xt) : 0.0;
      for (let d = 0; d < depth && ready; ++d) {
        const stage = averageLane(d, j);
        if (kind == T3 && stage.ready()) stage.value = t3Step(stage.value, v, stage.k);
        else ready = stage.push(v);
        v = stage.value;
      }
      if (!ready) v = NaN;
      else if (kind == DEMA) v = 2.0 * averageLane(0, j).value - averageLane(1, j).value;
      else if (kind == TEMA) v = averageLane(2, j).value + (3.0 * averageLane(0, j).value - 3.0 * averageLane(1, j).value);
      else if (kind == T3) {
        v = slot(c1, j) * averageLane(5, j).value + slot(c2, j) * averageLane(4, j).value
          + slot(c3, j) * averageLane(3, j).value + slot(c4, j) * averageLane(2, j).value;
      }
      put<O>(c, 0, t, b0 + j, v);
    }
  }
}

// SMA and TRIMA read windows of one prefix sum of the source (overSourcePrefix
// in native/ma/common.h): prefix sums (2T + 2) and lastGap (T) at the scratch.
export function sourcePrefixScratch(T: i32): f64 { return prefixLength(T) + <f64>T; }

@inline export function sourcePrefix(c: Call): usize { return c.scratch; }

@inline export function sourceLastGap(c: Call): usize { return c.scratch + (<usize>(c.T + 1) << 4); }

export function prepareSourcePrefix(c: Call): i32 {
  if (<f64>c.scratchLen < sourcePrefixScratch(c.T)) return SCRATCH_TOO_SMALL;
  prefixSums(input(c, 0), c.T, sourcePrefix(c), sourceLastGap(c));
  return OK;
}
