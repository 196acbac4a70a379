// trend.adxr: TA-Lib ADXR; mirrors native/trend/adxr.h.
import { Call } from "../abi";
import { directionalScratch, directionalSystem } from "./common";

export function scratch(T: i32): f64 { return directionalScratch(T, true); }

export function run<O>(c: Call): i32 { return directionalSystem<O>(c, true); }
