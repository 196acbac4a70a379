// structure.tsf: TA-Lib TSF; mirrors native/structure/tsf.h.
import { Call } from "../abi";
import { regressionSegment } from "../trend/linreg";

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  regressionSegment<O>(c, b0, nb, s, e, true);
}
