// volume.vwap: rolling VWAP; mirrors native/volume/vwap.h.
import { Call } from "../abi";
import { VWAP, windowRatio, windowRatioScratch } from "./common";

export function scratch(T: i32): f64 { return windowRatioScratch(T); }

export function run<O>(c: Call): i32 { return windowRatio<O>(c, VWAP); }
