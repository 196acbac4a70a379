// volume.cmf: Chaikin money flow; mirrors native/volume/cmf.h.
import { Call } from "../abi";
import { CMF, windowRatio, windowRatioScratch } from "./common";

export function scratch(T: i32): f64 { return windowRatioScratch(T); }

export function run<O>(c: Call): i32 { return windowRatio<O>(c, CMF); }
