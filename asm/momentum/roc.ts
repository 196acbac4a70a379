// momentum.roc: TA-Lib ROC; mirrors native/momentum/roc.h.
import { Call } from "../abi";
import { lagged, laggedScratch } from "./common";

export function scratch(T: i32): f64 { return laggedScratch(T, true); }

export function run<O>(c: Call): i32 { return lagged<O>(c, true); }
