// volume.cmf: Chaikin money flow; mirrors native/volume/cmf.h.
import { Call } from "../abi";
import { CMF, windowRatioBlock, windowRatioPrepare, windowRatioScratch } from "./common";

export function scratch(T: i32, W: i32): f64 { return windowRatioScratch(T, W); }

export function prepare(c: Call): i32 { return windowRatioPrepare(c, CMF); }

export function block<O>(c: Call, b0: i32, nb: i32): void { windowRatioBlock<O>(c, b0, nb, CMF); }
