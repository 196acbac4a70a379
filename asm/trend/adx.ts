// trend.adx: TA-Lib ADX with PLUS_DI, MINUS_DI and DX; mirrors native/trend/adx.h.
import { Call } from "../abi";
import { directionalScratch, directionalSystem } from "./common";

export function scratch(T: i32): f64 { return directionalScratch(T, false); }

export function run<O>(c: Call): i32 { return directionalSystem<O>(c, false); }
