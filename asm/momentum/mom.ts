// momentum.mom: TA-Lib MOM; mirrors native/momentum/mom.h.
import { Call } from "../abi";
import { lagged, laggedScratch } from "./common";

export function scratch(T: i32): f64 { return laggedScratch(T, false); }

export function run<O>(c: Call): i32 { return lagged<O>(c, false); }
