// volume.vwap_deviation; mirrors native/volume/vwap_deviation.h.
// A WeightedMoments object per variant of a block, each followed by its tail.
import { at, BAD_PARAM, BLOCK, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, stateStride } from "../abi";
import {
  callWindow, keepLeadState, leadAge, leadOn, leadRun, leadStateAt, Moments, readLeadState, runFrom, runGoesOn, startLeadBlock,
  WeightedMoments, weightedMomentsScratch, WINDOW_MOMENTS, windowCapacity, windowsFit,
} from "../primitives";
import { typicalPrice } from "./common";

const LANE_BYTES: usize = (offsetof<WeightedMoments>() + 7) & ~7;

function laneBytes(T: i32, W: i32): usize {
  return LANE_BYTES + (<usize>weightedMomentsScratch(windowCapacity(T, W)) << 3);
}

// Numbers of the kernel state before the tail (kVwapStateHead): lead, age, the last window's moments (3), WeightedMoments' head (4).
const STATE_HEAD: i32 = 9;

export function scratch(T: i32, W: i32): f64 {
  return <f64>T + <f64>BLOCK * <f64>(laneBytes(T, W) >> 3);
}

// Bytes between lanes in this call and the state's numbers per variant, set by prepare.
let stride: usize = 0;
let stateS: i32 = 0;

@inline function laneOf(c: Call, j: i32): WeightedMoments { return changetype<WeightedMoments>(c.scratch + (<usize>c.T << 3) + <usize>j * stride); }

export function prepare(c: Call): i32 {
  const W = callWindow(c, 0);
  if (<f64>c.scratchLen < scratch(c.T, W)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  stateS = stateStride(c);
  if (!readLeadState(c, stateS, W) || (leadOn && stateS < STATE_HEAD + 3 * W)) return BAD_PARAM;
  stride = laneBytes(c.T, W);
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tp = c.scratch;
  for (let t = 0; t < c.T; ++t) store<f64>(tp + (<usize>t << 3), typicalPrice(at(high, t), at(low, t), at(close, t)));
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  startLeadBlock(c, stateS, b0, nb);
  for (let j = 0; j < nb; ++j) {
    const lane = laneOf(c, j);
    lane.reset(changetype<usize>(lane) + LANE_BYTES, <i32>param(c, 0, b0 + j));
    if (!leadOn) continue;
    const from = leadStateAt(c.stateIn, stateS, b0 + j) + 16;
    lane.load(from + 24, leadAge);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const volume = input(c, 3);
  const tp = c.scratch;
  const m = WINDOW_MOMENTS;
  leadRun<O>(c, b0, nb, s, e);
  for (let j = 0; j < nb && !runGoesOn; ++j) {
    const lane = laneOf(c, j);
    lane.reset(lane.tail, lane.n);
  }
  const lanes = c.scratch + (<usize>c.T << 3);
  for (let t = runFrom; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const window = changetype<WeightedMoments>(lanes + <usize>j * stride);
      window.push(tp, volume, t, m);
      if (!window.full() || m.weight == 0.0) {
        putNaNAll<O>(c, t, b0 + j, 1);
        continue;
      }
      const sd = Math.sqrt(m.m2 / m.weight), band = param(c, 1, b0 + j) * sd;
      put<O>(c, 0, t, b0 + j, m.mean);
      put<O>(c, 1, t, b0 + j, m.mean + band);
      put<O>(c, 2, t, b0 + j, m.mean - band);
      put<O>(c, 3, t, b0 + j, sd);
    }
  }
  if (c.stateOut == 0 || runFrom >= e) return;
  for (let j = 0; j < nb; ++j) {
    const to = keepLeadState(c, stateS, b0 + j, e) + 16;
    laneOf(c, j).window(changetype<Moments>(to));
    laneOf(c, j).save(to + 24);
  }
}
