// volume.volume_sma: TA-Lib SMA of the volume, the ma.sma kernel over the
// volume column; mirrors native/volume/volume_sma.h.
import { Call } from "../abi";
import { run as sma, scratch as smaScratch } from "../ma/sma";

export function scratch(T: i32): f64 { return smaScratch(T); }

export function run<O>(c: Call): i32 { return sma<O>(c); }
