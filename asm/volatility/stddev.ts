// volatility.stddev: the rolling-variance family; mirrors native/volatility/stddev.h.
import { Call } from "../abi";
import { spread, spreadScratch, STDDEV } from "./common";

export function scratch(T: i32, W: i32): f64 { return spreadScratch(T, W); }

export function run<O>(c: Call): i32 { return spread<O>(c, STDDEV); }
