// trend.sarext, stepped by sarBar (common.ts); mirrors native/trend/sarext.h.
import { Call } from "../abi";
import { sarBlock, sarPrepare, sarSegment } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return sarPrepare(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void { sarBlock(c, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { sarSegment<O>(c, b0, nb, s, e, true); }
