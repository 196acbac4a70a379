// ma.sma; mirrors native/ma/sma.h.
import { at, Call, param, put } from "../abi";
import { prefixWindowSum } from "../primitives";
import { prepareSourcePrefix, sourceLastGap, sourcePrefix, sourcePrefixScratch } from "./common";

export function scratch(T: i32): f64 { return sourcePrefixScratch(T); }

export function prepare(c: Call): i32 { return prepareSourcePrefix(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const prefix = sourcePrefix(c), lastGap = sourceLastGap(c);
  for (let t = 0; t < c.T; ++t) {
    const age = <f64>t - at(lastGap, t);
    for (let j = 0; j < nb; ++j) {
      const w = param(c, 0, b0 + j);
      // Multiply by 1/w, as native/ma/sma.h does (within one ulp of TA-Lib's divide).
      const v = age >= w ? prefixWindowSum(prefix, t, <i32>w) * (1.0 / w) : NaN;
      put<O>(c, 0, t, b0 + j, v);
    }
  }
}
