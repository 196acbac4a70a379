// volatility.bbands: the rolling-variance family; mirrors native/volatility/bbands.h.
import { Call } from "../abi";
import { BANDS, bandsScratch, spread } from "./common";

export function scratch(T: i32, W: i32): f64 { return bandsScratch(T, W); }

export function run<O>(c: Call): i32 { return spread<O>(c, BANDS); }
