// ma.vwma; mirrors native/ma/vwma.h.
import { at, Call, input, OK, param, putRow, ROW, SCRATCH_TOO_SMALL } from "../abi";
import { prefixLength, prefixSums, prefixWindowSum } from "../primitives";

export function scratch(T: i32): f64 { return 2.0 * T + 2.0 * prefixLength(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0), volume = input(c, 1);
  const weighted = c.scratch;
  const prefixWeighted = weighted + (<usize>c.T << 3);
  const prefixVolume = prefixWeighted + (<usize>(c.T + 1) << 4);
  const lastGap = prefixVolume + (<usize>(c.T + 1) << 4);
  for (let t = 0; t < c.T; ++t) store<f64>(weighted + (<usize>t << 3), at(x, t) * at(volume, t));
  prefixSums(volume, c.T, prefixVolume, lastGap);
  prefixSums(weighted, c.T, prefixWeighted, lastGap);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const weighted = c.scratch;
  const prefixWeighted = weighted + (<usize>c.T << 3);
  const prefixVolume = prefixWeighted + (<usize>(c.T + 1) << 4);
  const lastGap = prefixVolume + (<usize>(c.T + 1) << 4);
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
