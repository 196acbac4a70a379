// volume.mfi: TA-Lib MFI; mirrors native/volume/mfi.h.
import { Call } from "../abi";
import { MFI, windowRatioBlock, windowRatioPrepare, windowRatioScratch } from "./common";

export function scratch(T: i32, W: i32): f64 { return windowRatioScratch(T, W); }

export function prepare(c: Call): i32 { return windowRatioPrepare(c, MFI); }

export function block<O>(c: Call, b0: i32, nb: i32): void { windowRatioBlock<O>(c, b0, nb, MFI); }
