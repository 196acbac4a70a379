// ma.kama; mirrors native/ma/kama.h: a row of the block per bar, two lanes
// per v128 once every window of the block has its first value.
import { at, BAD_PARAM, Call, input, OK, putRow, ROW, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A } from "../abi";
import { callWindow, emaStep, nearZero, prefixLength, prefixSums, prefixWindowSum } from "../primitives";
import { loadWindowLanes, WINDOW_N } from "./common";

export function scratch(T: i32): f64 { return 2.0 * T + prefixLength(T); }

const KAMA_SLOW: f64 = 2.0 / (30.0 + 1.0);
const KAMA_DIFF: f64 = 2.0 / (2.0 + 1.0) - KAMA_SLOW;

@inline export function kamaConstant(change: f64, path: f64): f64 {
  const er = path <= change || nearZero(path) ? 1.0 : Math.abs(change / path);
  const sc = er * KAMA_DIFF + KAMA_SLOW;
  return sc * sc;
}

// kamaConstant of two lanes: the same correctly rounded operations, so the same bits.
@inline function kamaConstants(change: v128, path: v128): v128 {
  const one = f64x2.splat(1.0);
  const flat = v128.and(f64x2.gt(path, f64x2.splat(-1e-14)), f64x2.lt(path, f64x2.splat(1e-14)));
  const er = v128.bitselect(one, f64x2.abs(f64x2.div(change, path)), v128.or(f64x2.le(path, change), flat));
  const sc = f64x2.add(f64x2.mul(er, f64x2.splat(KAMA_DIFF)), f64x2.splat(KAMA_SLOW));
  return f64x2.mul(sc, sc);
}

@inline function absDiffs(c: Call): usize { return c.scratch; }
@inline function prefixOf(c: Call): usize { return c.scratch + (<usize>c.T << 3); }
@inline function lastGapOf(c: Call): usize { return prefixOf(c) + (<usize>prefixLength(c.T) << 3); }

// Kernel state (per variant, STATE numbers; kState in native/ma/kama.h): the
// average at bar lead - 1, the prefix pair of |Δx| after bar -1, x[-1], the
// valid bars ending at bar -1 and lead.
const STATE: i32 = 6;
// lead, from the state (prepare): the call's first lead bars are the stream's last ones.
let lead: i32 = 0;

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const state = c.stateIn != 0 || c.stateOut != 0;
  if (state && (c.stateIn == 0 || c.stateLen < STATE * c.v1)) return BAD_PARAM;
  const head = c.stateIn + (<usize>(STATE * c.v0) << 3);
  lead = state ? <i32>load<f64>(head, 40) : 0;
  if (state && (lead < callWindow(c, 0) || lead > c.T)) return BAD_PARAM;
  const x = input(c, 0);
  const absDiff = absDiffs(c);
  // |Δx| is NaN at bar 0 and next to a gap, so a window of n differences is
  // NaN-free exactly when its n + 1 bars are (bar 0's from bar -1 with state).
  for (let t = 0; t < c.T; ++t) {
    store<f64>(absDiff + (<usize>t << 3), t > 0 ? Math.abs(at(x, t) - at(x, t - 1)) : NaN);
  }
  if (state && c.T > 0 && load<f64>(head, 32) >= 1.0) store<f64>(absDiff, Math.abs(at(x, 0) - load<f64>(head, 24)));
  if (state) prefixSums(absDiff, c.T, prefixOf(c), lastGapOf(c), load<f64>(head, 8), load<f64>(head, 16), max(load<f64>(head, 32) - 1.0, 0.0));
  else prefixSums(absDiff, c.T, prefixOf(c), lastGapOf(c));
  return OK;
}

// Variant j at bar t past its first value.
@inline function slide(x: usize, prefix: usize, j: i32, t: i32, xt: f64): f64 {
  const n = <i32>load<f64>(WINDOW_N + (<usize>j << 3));
  const k = emaStep(slot(STATE_A, j), xt, kamaConstant(xt - at(x, t - n), prefixWindowSum(prefix, t, n)));
  setSlot(STATE_A, j, k);
  return k;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const x = input(c, 0);
  const prefix = prefixOf(c), lastGap = lastGapOf(c);
  const kama = STATE_A;
  const steadyRun = loadWindowLanes(c, 0, b0, nb).longest + 1.0;
  if (c.stateIn != 0) for (let j = 0; j < nb; ++j) setSlot(kama, j, load<f64>(c.stateIn + (<usize>(STATE * (b0 + j)) << 3)));
  for (let t = 0; t < lead; ++t) {
    for (let j = 0; j < nb; ++j) store<f64>(ROW + (<usize>j << 3), NaN);
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
  for (let t = lead; t < c.T; ++t) {
    // run counts the valid differences ending at t: n of them first at bar n.
    const run = t - <i32>at(lastGap, t);
    const xt = at(x, t);
    let j = 0;
    if (<f64>run >= steadyRun) {
      const xt2 = f64x2.splat(xt);
      for (; j + 2 <= nb; j += 2) {
        const n0 = <i32>load<f64>(WINDOW_N + (<usize>j << 3)), n1 = <i32>load<f64>(WINDOW_N + (<usize>j << 3), 8);
        const past = f64x2.replace_lane(f64x2.splat(at(x, t - n0)), 1, at(x, t - n1));
        const path = f64x2.replace_lane(f64x2.splat(prefixWindowSum(prefix, t, n0)), 1, prefixWindowSum(prefix, t, n1));
        const prev = v128.load(kama + (<usize>j << 3));
        const k = f64x2.add(f64x2.mul(f64x2.sub(xt2, prev), kamaConstants(f64x2.sub(xt2, past), path)), prev);
        v128.store(kama + (<usize>j << 3), k);
        v128.store(ROW + (<usize>j << 3), k);
      }
      for (; j < nb; ++j) store<f64>(ROW + (<usize>j << 3), slide(x, prefix, j, t, xt));
    } else {
      for (; j < nb; ++j) {
        const n = <i32>load<f64>(WINDOW_N + (<usize>j << 3));
        let v = NaN;
        if (run >= n) {
          if (run == n) setSlot(kama, j, at(x, t - 1));
          v = slide(x, prefix, j, t, xt);
        }
        store<f64>(ROW + (<usize>j << 3), v);
      }
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
  if (c.stateOut == 0 || c.T == 0) return;
  const T = c.T, end = prefix + (<usize>T << 4), last = at(x, T - 1);
  for (let j = 0; j < nb; ++j) {
    const to = c.stateOut + (<usize>(STATE * (b0 + j)) << 3);
    store<f64>(to, slot(kama, j));
    store<f64>(to, load<f64>(end), 8);
    store<f64>(to, load<f64>(end, 8), 16);
    store<f64>(to, last, 24);
    store<f64>(to, isNaN(last) ? 0.0 : <f64>(T - 1) - at(lastGap, T - 1) + 1.0, 32);
    store<f64>(to, 0.0, 40);
  }
}
