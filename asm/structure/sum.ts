// structure.sum: TA-Lib SUM; mirrors native/structure/sum.h: ma.sma's block
// with every scale 1, over one prefix sum per call that continues the run of
// ma.sma's state in a call with state.
import { Call } from "../abi";
import { prepareSourcePrefix, sourcePrefixScratch } from "../ma/common";
import { windowSumsBlock } from "../ma/sma";

// W: the longest window, the pairs a call with state starts from.
export function scratch(T: i32, W: i32): f64 { return sourcePrefixScratch(T, max(W, 1)); }

export function prepare(c: Call): i32 { return prepareSourcePrefix(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void { windowSumsBlock<O>(c, b0, nb, false); }
