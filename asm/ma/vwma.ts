// ma.vwma; mirrors native/ma/vwma.h.
import { at, BAD_PARAM, Call, input, OK, param, putRow, ROW, SCRATCH_TOO_SMALL } from "../abi";
import { callWindow, pairPrefixEnd, pairPrefixStart, prefixSums, prefixWindowSum } from "../primitives";

// With state, both prefixes continue the run (pairPrefixStart; A the weighted, B the volume).
export function scratch(T: i32, W: i32): f64 { return 2.0 * <f64>T + 4.0 * <f64>(T + max(W, 1)); }

// The W entries of each prefix before bar 0 in this call (1 without state).
let vwmaW: i32 = 1;

export function prepare(c: Call): i32 {
  const T = c.T, W = c.stateIn != 0 ? max(callWindow(c, 0), 1) : 1;
  if (<f64>c.scratchLen < scratch(T, W)) return SCRATCH_TOO_SMALL;
  vwmaW = W;
  const x = input(c, 0), volume = input(c, 1);
  const weighted = c.scratch;
  const entriesWeighted = weighted + (<usize>T << 3), entriesVolume = entriesWeighted + (<usize>(T + W) << 4);
  const lastGap = entriesVolume + (<usize>(T + W) << 4);
  const prefixWeighted = entriesWeighted + (<usize>(W - 1) << 4), prefixVolume = entriesVolume + (<usize>(W - 1) << 4);
  const P = pairPrefixStart(c, W, 0, entriesWeighted, entriesVolume);
  if (P < 0) return BAD_PARAM;
  for (let t = 0; t < T; ++t) store<f64>(weighted + (<usize>t << 3), at(x, t) * at(volume, t));
  const run = c.stateIn != 0 ? load<f64>(c.stateIn) : 0.0;
  prefixSums(volume, T, prefixVolume, lastGap, load<f64>(prefixVolume), load<f64>(prefixVolume, 8), run);
  prefixSums(weighted, T, prefixWeighted, lastGap, load<f64>(prefixWeighted), load<f64>(prefixWeighted, 8), run);
  pairPrefixEnd(c, W, P, prefixWeighted, prefixVolume, lastGap);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const T = c.T, W = vwmaW;
  const entriesWeighted = c.scratch + (<usize>T << 3), entriesVolume = entriesWeighted + (<usize>(T + W) << 4);
  const lastGap = entriesVolume + (<usize>(T + W) << 4);
  const prefixWeighted = entriesWeighted + (<usize>(W - 1) << 4), prefixVolume = entriesVolume + (<usize>(W - 1) << 4);
  for (let t = 0; t < c.T; ++t) {
    const age = <f64>t - at(lastGap, t);
    for (let j = 0; j < nb; ++j) {
      const w = param(c, 0, b0 + j);
      let v = NaN;
      if (age >= w) {
        const n = <i32>w;
        const vol = prefixWindowSum(prefixVolume, t, n);
        if (vol != 0.0) v = prefixWindowSum(prefixWeighted, t, n) / vol;
      }
      store<f64>(ROW + (<usize>j << 3), v);
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
