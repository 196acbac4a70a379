// volatility.variance: the rolling-variance family; mirrors native/volatility/variance.h.
import { Call } from "../abi";
import { spread, spreadScratch, VARIANCE } from "./common";

export function scratch(T: i32, W: i32): f64 { return spreadScratch(T, W); }

export function run<O>(c: Call): i32 { return spread<O>(c, VARIANCE); }
