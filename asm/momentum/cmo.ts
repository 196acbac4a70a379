// momentum.cmo: TA-Lib CMO; mirrors native/momentum/cmo.h.
import { Call } from "../abi";
import { gainLoss, gainLossScratch } from "./common";

export function scratch(T: i32): f64 { return gainLossScratch(T); }

export function run<O>(c: Call): i32 { return gainLoss<O>(c, true); }
