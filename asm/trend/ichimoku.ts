// trend.ichimoku: scratch holds the channel, then the lane windows of the
// conversion, base and span_b windows (an offset and a back area each).
import { at, BAD_PARAM, BLOCK, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { buildRange, maxParam, rangeLows, rangeScratch, windowsFit } from "../primitives";
import { laneMid, laneWindow } from "./common";

export function scratch(T: i32): f64 { return rangeScratch(T) + 6.0 * BLOCK; }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2)) return BAD_PARAM;
  const T = c.T;
  const highs = c.scratch;
  buildRange(input(c, 0), input(c, 1), T, <i32>max(maxParam(c, 0), max(maxParam(c, 1), maxParam(c, 2))), highs);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const T = c.T;
  const highs = c.scratch;
  const lanes = highs + (<usize>rangeScratch(T) << 3), area = <usize>BLOCK << 3;
  const convOffsets = lanes, convBacks = lanes + area, baseOffsets = lanes + 2 * area;
  const baseBacks = lanes + 3 * area, spanOffsets = lanes + 4 * area, spanBacks = lanes + 5 * area;
  for (let j = 0; j < nb; ++j) {
    laneWindow(convOffsets, convBacks, j, T, <i32>param(c, 0, b0 + j));
    laneWindow(baseOffsets, baseBacks, j, T, <i32>param(c, 1, b0 + j));
    laneWindow(spanOffsets, spanBacks, j, T, <i32>param(c, 2, b0 + j));
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const close = input(c, 2);
  const highs = c.scratch;
  const lows = rangeLows(highs, T);
  const lanes = highs + (<usize>rangeScratch(T) << 3), area = <usize>BLOCK << 3;
  const convOffsets = lanes, convBacks = lanes + area, baseOffsets = lanes + 2 * area;
  const baseBacks = lanes + 3 * area, spanOffsets = lanes + 4 * area, spanBacks = lanes + 5 * area;
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const wc = <i32>param(c, 0, v), wb = <i32>param(c, 1, v);
      const ws = <i32>param(c, 2, v), d = <i32>param(c, 3, v);
      const u = t - d;  // the bar the spans at t were computed on
      put<O>(c, 0, t, v, t - s >= wc - 1 ? laneMid(highs, lows, convOffsets, convBacks, j, t) : NaN);
      put<O>(c, 1, t, v, t - s >= wb - 1 ? laneMid(highs, lows, baseOffsets, baseBacks, j, t) : NaN);
      const spanA = u - s >= max(wc, wb) - 1
        ? (laneMid(highs, lows, convOffsets, convBacks, j, u) + laneMid(highs, lows, baseOffsets, baseBacks, j, u)) / 2.0
        : NaN;
      put<O>(c, 2, t, v, spanA);
      put<O>(c, 3, t, v, u - s >= ws - 1 ? laneMid(highs, lows, spanOffsets, spanBacks, j, u) : NaN);
      put<O>(c, 4, t, v, t + d < e ? at(close, t + d) : NaN);
    }
  }
}
