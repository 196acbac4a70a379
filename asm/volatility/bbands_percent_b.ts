// volatility.bbands_percent_b: the rolling-variance family; mirrors native/volatility/bbands_percent_b.h.
import { Call } from "../abi";
import { PERCENT_B, bandsScratch, spread } from "./common";

export function scratch(T: i32, W: i32): f64 { return bandsScratch(T, W); }

export function run<O>(c: Call): i32 { return spread<O>(c, PERCENT_B); }
