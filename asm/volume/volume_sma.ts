// volume.volume_sma: TA-Lib SMA of the volume, the ma.sma kernel over the
// volume column; mirrors native/volume/volume_sma.h.
import { Call } from "../abi";
import { block as smaBlock, prepare as smaPrepare, scratch as smaScratch } from "../ma/sma";

export function scratch(T: i32, W: i32): f64 { return smaScratch(T, W); }

export function prepare(c: Call): i32 { return smaPrepare(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void { smaBlock<O>(c, b0, nb); }
