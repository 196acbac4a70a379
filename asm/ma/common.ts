// What several moving averages share (see native/ma/common.h): running WMA
// lanes (WMA, HMA) and chains of seeded smoothers (EMA, DEMA, TEMA, T3, RMA,
// ZLEMA). Lanes live in static areas and scratch; once a block is past its
// warm-up, the chains step two lanes per v128.
import {
  at, BAD_PARAM, BLOCK, Call, input, OK, param, put, putRow, ROW, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B,
  STATE_C, STATE_D, stateStride,
} from "../abi";
import {
  averageLane, callWindow, compensatedAdd, emaStep, maxParam, prefixLength, prefixSums, seedsFirst, splitHigh, weightedAdd, wilderStep, wmaDivider, wmaNext,
  wmaPrime,
} from "../primitives";

// The sums of every window 1..depth of the last bar pushed (WmaDiagonal in
// native/ma/common.h): two rows of DENSE_WMA + 1 f64s, this bar's and the one
// before, entry 0 always 0. Windows up to DENSE_WMA read them; longer ones
// keep running WMAs.
export const DENSE_WMA: i32 = 256;
const DIAGONAL_ROW: usize = <usize>(DENSE_WMA + 1) << 3;
const DIAGONAL: usize = memory.data(<i32>DIAGONAL_ROW * 2, 16);

// Row `parity` of the diagonal: sums[k] is window k's weighted sum.
@inline export function diagonalSums(parity: i32): usize { return DIAGONAL + <usize>parity * DIAGONAL_ROW; }

// Pushes x into row `parity` from the other: sums[k] = before[k - 1] + k·x
// for k = 1..depth, two windows per v128 (the same operations as one at a time).
export function diagonalPush(parity: i32, depth: i32, x: f64): void {
  const to = diagonalSums(parity), from = diagonalSums(parity ^ 1);
  const x2 = f64x2.splat(x), two = f64x2.splat(2.0);
  let k2 = f64x2(1.0, 2.0);
  let k = 1;
  for (; k + 1 <= depth; k += 2) {
    const off = <usize>k << 3;
    v128.store(to + off, f64x2.add(v128.load(from + off - 8), f64x2.mul(k2, x2)));
    k2 = f64x2.add(k2, two);
  }
  for (; k <= depth; ++k) {
    const off = <usize>k << 3;
    store<f64>(to + off, load<f64>(from + off - 8) + <f64>k * x);
  }
}

// One dense window alone (wmaWindowValues in native/ma/common.h): its sum
// at bar t made as diagonalPush makes it, (0 + 1·x[t−n+1]) + ... + n·x[t],
// each product rounded, then added, oldest first; six v128s of two bars
// each run side by side (in V8 faster than four or eight), every lane doing
// exactly those operations.
@inline function wmaWindowSum(x: usize, t: i32, n: i32): f64 {
  const p = x + (<usize>(t - n) << 3);
  let acc = 0.0;
  for (let k = 1; k <= n; ++k) acc = acc + <f64>k * load<f64>(p + (<usize>k << 3));
  return acc;
}

// y[t] = window n's sum at bar t times scale for t in [from, to), every
// window full (from − n + 1 ≥ the run's first bar); x, y: f64 columns by bar.
export function wmaWindowValues(x: usize, from: i32, to: i32, n: i32, scale: f64, y: usize): void {
  const s = f64x2.splat(scale), one = f64x2.splat(1.0);
  let t = from;
  for (; t + 12 <= to; t += 12) {
    let a0 = f64x2.splat(0.0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
    let w = f64x2.splat(0.0);
    let q = x + (<usize>(t - n) << 3);
    for (let k = 1; k <= n; ++k) {
      w = f64x2.add(w, one);  // k, exactly
      q += 8;
      a0 = f64x2.add(a0, f64x2.mul(w, v128.load(q)));
      a1 = f64x2.add(a1, f64x2.mul(w, v128.load(q, 16)));
      a2 = f64x2.add(a2, f64x2.mul(w, v128.load(q, 32)));
      a3 = f64x2.add(a3, f64x2.mul(w, v128.load(q, 48)));
      a4 = f64x2.add(a4, f64x2.mul(w, v128.load(q, 64)));
      a5 = f64x2.add(a5, f64x2.mul(w, v128.load(q, 80)));
    }
    const bars = y + (<usize>t << 3);
    v128.store(bars, f64x2.mul(a0, s));
    v128.store(bars, f64x2.mul(a1, s), 16);
    v128.store(bars, f64x2.mul(a2, s), 32);
    v128.store(bars, f64x2.mul(a3, s), 48);
    v128.store(bars, f64x2.mul(a4, s), 64);
    v128.store(bars, f64x2.mul(a5, s), 80);
  }
  for (; t < to; ++t) store<f64>(y + (<usize>t << 3), wmaWindowSum(x, t, n) * scale);
}

// Running WMAs of a block (WmaLanes in native/ma/common.h) at an area of
// WMA_AREA f64s: four runs of BLOCK lanes, sum, sumErr, sub and subErr
// (wmaNext in ../primitives).
export const WMA_AREA: i32 = 4 * BLOCK;
export const WMA_LANES: usize = memory.data(WMA_AREA * 8, 16);

@inline export function wmaPart(area: usize, part: i32, j: i32): usize { return area + (<usize>(part * BLOCK + j) << 3); }

export function clearWma(area: usize, nb: i32): void {
  for (let part = 0; part < 4; ++part) clearLanes(wmaPart(area, part, 0), nb);
}

// Kernel state (WmaLanes::load/save): lane i's four sums at variant b0 + lane[i]'s
// `perVariant` numbers of `state`, after a lead state's lead and age.
export function loadWma(area: usize, state: usize, perVariant: i32, b0: i32, lanes: usize, n: i32): void {
  for (let i = 0; i < n; ++i) {
    const from = state + (<usize>(perVariant * (b0 + load<i32>(lanes + (<usize>i << 2))) + 2) << 3);
    for (let part = 0; part < 4; ++part) store<f64>(wmaPart(area, part, i), load<f64>(from + (<usize>part << 3)));
  }
}
export function saveWma(area: usize, state: usize, perVariant: i32, b0: i32, lanes: usize, n: i32): void {
  for (let i = 0; i < n; ++i) {
    const to = state + (<usize>(perVariant * (b0 + load<i32>(lanes + (<usize>i << 2))) + 2) << 3);
    for (let part = 0; part < 4; ++part) store<f64>(to + (<usize>part << 3), load<f64>(wmaPart(area, part, i)));
  }
}

// The next value of lane j once its window of span n is full.
@inline export function wmaSlide(area: usize, j: i32, x: f64, trailing: f64, n: f64, divider: f64): f64 {
  return wmaNext(wmaPart(area, 0, j), wmaPart(area, 1, j), wmaPart(area, 2, j), wmaPart(area, 3, j), x, trailing, n, divider);
}

// twoSumError lane by lane (wmaSlideRun).
@inline function twoSumErrors(a: v128, b: v128, s: v128): v128 {
  const bb = f64x2.sub(s, a);
  return f64x2.add(f64x2.sub(a, f64x2.sub(s, bb)), f64x2.sub(b, bb));
}

@inline function pair(lane0: f64, lane1: f64): v128 { return f64x2.replace_lane(f64x2.splat(lane0), 1, lane1); }

// wmaSlide of lane j over bars [from, to) of the column x, span n, every
// window full: bar t's value into output 0 of variant v. Mirrors wmaSlideRun
// in native/ma/common.h: lane 0 of a v128 the plain sum of bar t, lane 1 the
// weighted sum of bar t − 1, each with wmaNext's operations in its order.
export function wmaSlideRun<O>(c: Call, area: usize, j: i32, x: usize, from: i32, to: i32, n: i32, v: i32): void {
  if (from >= to) return;
  const w = <f64>n, divider = wmaDivider(w);
  const sum = wmaPart(area, 0, j), sumErr = wmaPart(area, 1, j), sub = wmaPart(area, 2, j), subErr = wmaPart(area, 3, j);
  // Bar `from`'s plain sum alone: lane 0 then runs one bar ahead of lane 1.
  compensatedAdd(sub, subErr, at(x, from));
  compensatedAdd(sub, subErr, -at(x, from - n));
  let a = pair(load<f64>(sub), load<f64>(sum)), err = pair(load<f64>(subErr), load<f64>(sumErr));
  for (let t = from + 1; t < to; ++t) {
    const xp = at(x, t - 1), hi = splitHigh(xp), lo = xp - hi;
    const dropped = pair(0.0, f64x2.extract_lane(err, 0));  // bar t − 1's subErr, for lane 1's last step
    // Lane 0: x[t] into the plain sum; lane 1: x[t − 1] times n into the weighted one.
    const into = pair(at(x, t), hi * w);
    let s = f64x2.add(a, into);
    err = f64x2.add(err, f64x2.add(twoSumErrors(a, into, s), pair(-0.0, lo * w)));
    put<O>(c, 0, t - 1, v, f64x2.extract_lane(f64x2.add(s, err), 1) / divider);
    // Lane 0: the value leaving bar t's window; lane 1: bar t − 1's plain sum out of the weighted one.
    const out = f64x2.neg(pair(at(x, t - n), f64x2.extract_lane(a, 0)));
    a = s;
    s = f64x2.add(a, out);
    err = f64x2.sub(f64x2.add(err, twoSumErrors(a, out, s)), dropped);
    a = s;
  }
  store<f64>(sub, f64x2.extract_lane(a, 0));
  store<f64>(subErr, f64x2.extract_lane(err, 0));
  store<f64>(sum, f64x2.extract_lane(a, 1));
  store<f64>(sumErr, f64x2.extract_lane(err, 1));
  // Bar to − 1's weighted sum alone.
  weightedAdd(sum, sumErr, at(x, to - 1), w);
  put<O>(c, 0, to - 1, v, (load<f64>(sum) + load<f64>(sumErr)) / divider);
  compensatedAdd(sum, sumErr, -load<f64>(sub));
  store<f64>(sumErr, load<f64>(sumErr) - load<f64>(subErr));
}

// Value i (from 0) of a series into lane j of the running WMAs at `area`,
// span w; trailing is value i − w, ignored while i < w. NaN until the
// window is full (WmaLanes::feed).
export function wmaFeed(area: usize, j: i32, x: f64, trailing: f64, i: i32, w: i32): f64 {
  if (i + 1 < w) {
    wmaPrime(wmaPart(area, 0, j), wmaPart(area, 1, j), wmaPart(area, 2, j), wmaPart(area, 3, j), x, <f64>(i + 1));
    return NaN;
  }
  const n = <f64>w;
  return wmaSlide(area, j, x, i >= w ? trailing : 0.0, n, wmaDivider(n));
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

@inline export function t3Step(e: f64, x: f64, k: f64): f64 { return k * x + (1.0 - k) * e; }

@inline function zlemaLag(n: f64): i32 { return (<i32>n - 1) / 2; }

// The state of one seeded average carried across calls (EMA, RMA; kAverageState
// in native/ma/common.h): (value, count) per variant; (0, 0) after a NaN last
// bar, which the segment ending at the last bar overwrites.
export const AVERAGE_STATE: i32 = 2;

// Numbers of state per variant (chainState in native/ma/common.h): DEMA, TEMA,
// T3 and ZLEMA keep each stage's (value, count), then the run's age (-1 after
// a NaN bar, the stages then left as the run ended); ZLEMA then its last lag
// values of the run, oldest first, at a stride of its own (zlemaStride).
@inline function chainState(kind: i32): i32 {
  return kind == EMA || kind == RMA ? AVERAGE_STATE : AVERAGE_STATE * chainDepth(kind) + 1;
}

// ZLEMA's stride (stateStride), set by zlemaPrepare.
let zlemaStride: i32 = 0;

@inline function chainStride(kind: i32): i32 { return kind == ZLEMA ? zlemaStride : chainState(kind); }

@inline function chainStateAt(area: usize, kind: i32, v: i32): usize { return area + (<usize>(chainStride(kind) * v) << 3); }

// ZLEMA's values x[-lag] .. x[-1] of lane j (variant v) before the call, in the state.
@inline function zlemaPast(c: Call, v: i32): usize { return chainStateAt(c.stateIn, ZLEMA, v) + (<usize>chainState(ZLEMA) << 3); }

export function zlemaPrepare(c: Call): i32 {
  const state = c.stateIn != 0 || c.stateOut != 0;
  zlemaStride = state ? stateStride(c) : chainState(ZLEMA);
  if (state && (c.stateIn == 0 || c.stateLen < zlemaStride * c.v1 || zlemaStride < chainState(ZLEMA) + zlemaLag(maxParam(c, 0)))) return BAD_PARAM;
  return OK;
}

export function emaChainBlock<O>(c: Call, b0: i32, nb: i32, kind: i32): void {
  const S = chainStride(kind);
  if (c.stateOut != 0 && S == AVERAGE_STATE) memory.fill(chainStateAt(c.stateOut, kind, b0), 0, <usize>(S * nb) << 3);
  else if (c.stateOut != 0 && S > 0) {
    // No valid bar in the call: the state as it came, after a NaN bar.
    memory.copy(chainStateAt(c.stateOut, kind, b0), chainStateAt(c.stateIn, kind, b0), <usize>(S * nb) << 3);
    for (let j = 0; j < nb; ++j) store<f64>(chainStateAt(c.stateOut, kind, b0 + j) + (<usize>(chainState(kind) - 1) << 3), -1.0);
  }
  if (kind == ZLEMA && c.stateOut != 0) {
    // ZLEMA's last lag bars: from the call, or before it from the state.
    const x = input(c, 0), T = c.T;
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j, L = zlemaLag(param(c, 0, v)), past = zlemaPast(c, v);
      const to = chainStateAt(c.stateOut, kind, v) + (<usize>chainState(kind) << 3);
      for (let i = 0; i < L; ++i) setSlot(to, i, T - L + i >= 0 ? at(x, T - L + i) : slot(past, T + i));
    }
  }
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
@inline export function emaChainSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, kind: i32, seedParam: i32): void {
  const x = input(c, 0);
  const depth = chainDepth(kind);
  const c1 = STATE_A, c2 = STATE_B, c3 = STATE_C, c4 = STATE_D;
  for (let d = 0; d < depth; ++d)
    for (let j = 0; j < nb; ++j) averageLane(d, j).reset(param(c, 0, b0 + j), kind == RMA, seedsFirst(c, seedParam, b0 + j));
  // From this age of the run on every stage of every lane is seeded (ChainLanes::warmAge;
  // seed 'first' lanes are seeded sooner, which the warm-up loop handles as well).
  let warmAge = 0;
  for (let j = 0; j < nb; ++j) {
    const n = param(c, 0, b0 + j);
    warmAge = max(warmAge, (kind == ZLEMA ? zlemaLag(n) : 0) + depth * (<i32>n - 1) + 1);
  }
  const S = chainState(kind), aged = S > AVERAGE_STATE;
  // The run's first bar: before the call when bar 0 continues the state's run.
  let start = s;
  if (aged && s == 0 && c.stateIn != 0) {
    const age = load<f64>(chainStateAt(c.stateIn, kind, b0) + (<usize>(S - 1) << 3));
    if (age >= 0.0) start = -<i32>age - 1;
  }
  if (s == 0 && c.stateIn != 0 && (!aged || start < 0)) {
    // Each lane continues its stages: seeded from their counts on, steady once every stage of every lane is.
    warmAge = 0;
    for (let j = 0; j < nb; ++j) {
      const from = chainStateAt(c.stateIn, kind, b0 + j);
      let left = 0;
      for (let d = 0; d < depth; ++d) {
        const a = averageLane(d, j);
        a.value = load<f64>(from + (<usize>(AVERAGE_STATE * d) << 3));
        a.count = <i32>load<f64>(from + (<usize>(AVERAGE_STATE * d) << 3), 8);
        left += a.period - min(a.count, a.period);
      }
      warmAge = max(warmAge, left);
    }
    // ZLEMA: the bars that read x[t - lag] from the state, and a lane whose run is shorter than its lag.
    if (kind == ZLEMA) {
      let maxLag = 0;
      for (let j = 0; j < nb; ++j) maxLag = max(maxLag, zlemaLag(param(c, 0, b0 + j)));
      warmAge += maxLag + 1;
    }
  }
  const steady = min(e, s + warmAge);
  for (let t = s; t < steady; ++t) {
    const xt = at(x, t);
    for (let j = 0; j < nb; ++j) {
      const lag = kind == ZLEMA ? zlemaLag(param(c, 0, b0 + j)) : 0;
      let ready = t - start >= lag;
      let v = ready ? (kind == ZLEMA ? xt + (xt - (t >= lag ? at(x, t - lag) : slot(zlemaPast(c, b0 + j), t))) : xt) : 0.0;
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
      store<f64>(ROW + (<usize>j << 3), v);
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
  if (steady == e) {
    saveChains(c, b0, nb, e, kind, start, false);
    return;
  }
  // Every stage seeded: the stages move to side-by-side lanes and each bar is
  // one branch-free pass over the block (ChainLanes::steady), two lanes per v128.
  for (let j = 0; j < nb; ++j) {
    const first = averageLane(0, j);
    store<f64>(CHAIN_N + (<usize>j << 3), first.n);
    store<f64>(CHAIN_K + (<usize>j << 3), first.k);
    store<i32>(CHAIN_LAG + (<usize>j << 2), kind == ZLEMA ? zlemaLag(first.n) : 0);
    for (let d = 0; d < depth; ++d) store<f64>(chainStage(d, j), averageLane(d, j).value);
  }
  for (let t = steady; t < e; ++t) {
    if (kind == ZLEMA) zlemaRow(x, t, nb);
    else chainRow(kind, depth, at(x, t), nb);
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
  saveChains(c, b0, nb, e, kind, start, true);
}

// After a segment: each stage's (value, count), its value from the steady
// lanes (CHAIN_STAGES) when it got there; EMA and RMA after the segment
// ending at the last bar only, the chains with the run's age (-1 when the
// call goes on to a NaN bar).
function saveChains(c: Call, b0: i32, nb: i32, e: i32, kind: i32, start: i32, steady: bool): void {
  const S = chainState(kind), aged = S > AVERAGE_STATE;
  if (c.stateOut == 0 || (!aged && e != c.T)) return;
  const depth = chainDepth(kind);
  for (let j = 0; j < nb; ++j) {
    const to = chainStateAt(c.stateOut, kind, b0 + j);
    for (let d = 0; d < depth; ++d) {
      const a = averageLane(d, j), at = to + (<usize>(AVERAGE_STATE * d) << 3);
      store<f64>(at, steady ? load<f64>(chainStage(d, j)) : a.value);
      store<f64>(at, <f64>a.count, 8);
    }
    if (aged) store<f64>(to + (<usize>(S - 1) << 3), e == c.T ? <f64>(e - 1 - start) : -1.0);
  }
}

// Stage d of lane j once seeded; CHAIN_N, CHAIN_K and CHAIN_LAG hold each lane's n, k and ZLEMA lag.
const CHAIN_STAGES: usize = memory.data(6 * BLOCK * 8, 16);
const CHAIN_N: usize = memory.data(BLOCK * 8, 16);
const CHAIN_K: usize = memory.data(BLOCK * 8, 16);
const CHAIN_LAG: usize = memory.data(BLOCK * 4, 16);

@inline function chainStage(d: i32, j: i32): usize { return CHAIN_STAGES + (<usize>(d * BLOCK + j) << 3); }

// One step of a seeded stage, two lanes at once: the scalar formulas of
// emaStep, wilderStep and t3Step, operation for operation.
@inline function stepPair(kind: i32, e: v128, v: v128, k: v128, n: v128): v128 {
  if (kind == T3) return f64x2.add(f64x2.mul(k, v), f64x2.mul(f64x2.sub(f64x2.splat(1.0), k), e));
  if (kind == RMA) return f64x2.div(f64x2.add(f64x2.mul(e, f64x2.sub(n, f64x2.splat(1.0))), v), n);
  return f64x2.add(f64x2.mul(f64x2.sub(v, e), k), e);
}

// Bar value xt through every stage of lanes [0, nb), the combined value into ROW.
@inline function chainRow(kind: i32, depth: i32, xt: f64, nb: i32): void {
  const x2 = f64x2.splat(xt);
  let j = 0;
  for (; j + 2 <= nb; j += 2) {
    const off = <usize>j << 3;
    const k = v128.load(CHAIN_K + off), n = v128.load(CHAIN_N + off);
    let v = x2;
    for (let d = 0; d < depth; ++d) {
      const at = chainStage(d, j);
      v = stepPair(kind, v128.load(at), v, k, n);
      v128.store(at, v);
    }
    let out = v;
    if (kind == DEMA) out = f64x2.sub(f64x2.mul(f64x2.splat(2.0), v128.load(chainStage(0, j))), v128.load(chainStage(1, j)));
    else if (kind == TEMA) {
      const three = f64x2.splat(3.0);
      out = f64x2.add(v128.load(chainStage(2, j)), f64x2.sub(f64x2.mul(three, v128.load(chainStage(0, j))), f64x2.mul(three, v128.load(chainStage(1, j)))));
    } else if (kind == T3) {
      out = f64x2.add(f64x2.add(f64x2.add(
        f64x2.mul(v128.load(STATE_A + off), v128.load(chainStage(5, j))),
        f64x2.mul(v128.load(STATE_B + off), v128.load(chainStage(4, j)))),
        f64x2.mul(v128.load(STATE_C + off), v128.load(chainStage(3, j)))),
        f64x2.mul(v128.load(STATE_D + off), v128.load(chainStage(2, j))));
    } else if (kind != EMA && kind != RMA) out = v128.load(chainStage(0, j));
    v128.store(ROW + off, out);
  }
  for (; j < nb; ++j) {
    const k = load<f64>(CHAIN_K + (<usize>j << 3)), n = load<f64>(CHAIN_N + (<usize>j << 3));
    let v = xt;
    for (let d = 0; d < depth; ++d) {
      const at = chainStage(d, j), e = load<f64>(at);
      v = kind == T3 ? t3Step(e, v, k) : kind == RMA ? wilderStep(e, v, n) : emaStep(e, v, k);
      store<f64>(at, v);
    }
    if (kind == DEMA) v = 2.0 * load<f64>(chainStage(0, j)) - load<f64>(chainStage(1, j));
    else if (kind == TEMA) v = load<f64>(chainStage(2, j)) + (3.0 * load<f64>(chainStage(0, j)) - 3.0 * load<f64>(chainStage(1, j)));
    else if (kind == T3) {
      v = slot(STATE_A, j) * load<f64>(chainStage(5, j)) + slot(STATE_B, j) * load<f64>(chainStage(4, j))
        + slot(STATE_C, j) * load<f64>(chainStage(3, j)) + slot(STATE_D, j) * load<f64>(chainStage(2, j));
    }
    store<f64>(ROW + (<usize>j << 3), v);
  }
}

// ZLEMA: each lane reads its own lagged bar.
function zlemaRow(x: usize, t: i32, nb: i32): void {
  const xt = at(x, t);
  for (let j = 0; j < nb; ++j) {
    const lag = load<i32>(CHAIN_LAG + (<usize>j << 2));
    const at0 = chainStage(0, j);
    const v = emaStep(load<f64>(at0), xt + (xt - at(x, t - lag)), load<f64>(CHAIN_K + (<usize>j << 3)));
    store<f64>(at0, v);
    store<f64>(ROW + (<usize>j << 3), v);
  }
}

// Window lengths of a block (WindowLanes in native/ma/common.h): n[j] and
// 1/n[j] in WINDOW_N and WINDOW_INV; `consecutive` when n[j] = n[0] + j, as
// in default grids.
export const WINDOW_N: usize = memory.data(BLOCK * 8, 16);
export const WINDOW_INV: usize = memory.data(BLOCK * 8, 16);

@unmanaged export class WindowLanes {
  longest: f64 = 0.0;
  consecutive: bool = true;
}

const WINDOW_LANES = changetype<WindowLanes>(memory.data(offsetof<WindowLanes>(), 8));

export function loadWindowLanes(c: Call, p: i32, b0: i32, nb: i32): WindowLanes {
  const lanes = WINDOW_LANES;
  lanes.longest = 0.0;
  lanes.consecutive = true;
  const n0 = param(c, p, b0);
  for (let j = 0; j < nb; ++j) {
    const w = param(c, p, b0 + j);
    store<f64>(WINDOW_N + (<usize>j << 3), w);
    store<f64>(WINDOW_INV + (<usize>j << 3), 1.0 / w);
    lanes.longest = max(lanes.longest, w);
    lanes.consecutive = lanes.consecutive && w == n0 + <f64>j;
  }
  return lanes;
}

// SMA and TRIMA read windows of one prefix sum of the source (overSourcePrefix
// in native/ma/common.h): prefix sums (2(T + W) doubles: W entries up to bar
// 0's, one per bar) and lastGap (T) at the scratch; W is 1 without state, the
// call's longest window with it (prefixStatePairs).
export function sourcePrefixScratch(T: i32, W: i32 = 1): f64 { return 2.0 * <f64>(T + W) + <f64>T; }

// Entries of the prefix before entry 0 in this call (W - 1).
let preludePairs: i32 = 0;

@inline export function sourcePrefix(c: Call): usize { return c.scratch + (<usize>preludePairs << 4); }

@inline export function sourceLastGap(c: Call): usize { return sourcePrefix(c) + (<usize>(c.T + 1) << 4); }

// With state (ma.sma's, see prefixStatePairs in native/ma/common.h): the
// call's prefix starts with the last W pairs of the state and continues its
// run; stateOut gets the run and the last P pairs after the last bar.
export function prepareSourcePrefix(c: Call): i32 {
  const W = c.stateIn != 0 ? max(callWindow(c, 0), 1) : 1;
  const P = (c.stateLen - 1) >> 1;
  if (c.stateIn != 0 && (c.stateLen != 1 + 2 * P || P < W)) return BAD_PARAM;
  if (c.stateOut != 0 && c.stateIn == 0) return BAD_PARAM;
  if (<f64>c.scratchLen < sourcePrefixScratch(c.T, W)) return SCRATCH_TOO_SMALL;
  preludePairs = W - 1;
  const prefix = sourcePrefix(c), lastGap = sourceLastGap(c);
  if (c.stateIn == 0) {
    prefixSums(input(c, 0), c.T, prefix, lastGap);
    return OK;
  }
  memory.copy(c.scratch, c.stateIn + 8 + (<usize>(P - W) << 4), <usize>W << 4);
  prefixSums(input(c, 0), c.T, prefix, lastGap, load<f64>(prefix), load<f64>(prefix, 8), load<f64>(c.stateIn));
  if (c.stateOut != 0) {
    store<f64>(c.stateOut, <f64>(c.T - 1) - at(lastGap, c.T - 1));
    for (let i = 0; i < P; ++i) {
      const e = c.T - P + 1 + i;  // entry e of the prefix: from the state below 1 - W, else made here
      const from = e > -W ? prefix + (<usize>e << 4) : c.stateIn + 8 + (<usize>(P - 1 + e) << 4);
      store<f64>(c.stateOut + 8 + (<usize>i << 4), load<f64>(from));
      store<f64>(c.stateOut + 16 + (<usize>i << 4), load<f64>(from, 8));
    }
  }
  return OK;
}
