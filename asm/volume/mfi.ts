// volume.mfi: TA-Lib MFI; mirrors native/volume/mfi.h.
import { Call } from "../abi";
import { MFI, windowRatio, windowRatioScratch } from "./common";

export function scratch(T: i32): f64 { return windowRatioScratch(T); }

export function run<O>(c: Call): i32 { return windowRatio<O>(c, MFI); }
