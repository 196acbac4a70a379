// momentum.macdext: TA-Lib MACDEXT; mirrors native/momentum/macdext.h (three
// 'ema' types run in emaSpreadSegment's lanes, the others one variant at a time).
// scratch: fast, slow, line, signal, work (T each)
import { at, BAD_PARAM, Call, input, OK, param, put } from "../abi";
import { denseWma, maLookback, movingAverage } from "../matype";
import { emaSpreadBlock, emaSpreadPrepare, emaSpreadSegment, laneSpreadFits, laneSpreadSegment, spreadsEma } from "./common";

export function scratch(T: i32): f64 { return 5.0 * <f64>T; }

// With a state, the lanes of the other types' variants (laneSpread in native/momentum/common.h).
export function prepare(c: Call): i32 {
  const status = emaSpreadPrepare(c);
  if (status != OK || c.stateIn == 0) return status;
  for (let v = c.v0; v < c.v1; ++v) {
    if (spreadsEma(c, 3, 3, v)) continue;
    const swap = param(c, 1, v) < param(c, 0, v);
    const f = <i32>param(c, swap ? 1 : 0, v), sl = <i32>param(c, swap ? 0 : 1, v);
    const ft = <i32>param(c, swap ? 4 : 3, v), st = <i32>param(c, swap ? 3 : 4, v);
    if (!laneSpreadFits(c, ft, f, st, sl, true, <i32>param(c, 5, v), param(c, 2, v))) return BAD_PARAM;
  }
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void { emaSpreadBlock(c, b0, nb); }

// A dense 'wma' average is its window's fresh sum at every bar, whatever bar
// it starts from (native/momentum/macdext.h): made from the run's first bar,
// it serves the next variants with the same window as it is.
export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const bytes = <usize>c.T << 3;
  const fastMa = c.scratch, slowMa = fastMa + bytes, line = slowMa + bytes, signal = line + bytes, work = signal + bytes;
  emaSpreadSegment<O>(c, b0, nb, s, e, true, true, false, -1, false, -1, 3, 3, true);
  let fastHeld = 0, slowHeld = 0;  // the window fastMa / slowMa holds over [s, e) (0: none)
  for (let v = b0; v < b0 + nb; ++v) {
    if (spreadsEma(c, 3, 3, v)) continue;
    let f = <i32>param(c, 0, v), sl = <i32>param(c, 1, v);
    let ft = <i32>param(c, 3, v), st = <i32>param(c, 4, v);
    if (sl < f) {
      const p = f; f = sl; sl = p;
      const q = ft; ft = st; st = q;
    }
    const sig = <i32>param(c, 2, v), sigType = <i32>param(c, 5, v);
    const lf = maLookback(ft, f), ls = maLookback(st, sl);
    const lsig = maLookback(sigType, sig);
    if (c.stateIn != 0) {
      // From a stream's state: each average from its own bar of the run.
      const largest = max(lf, ls);
      laneSpreadSegment<O>(c, v, v - b0, s, e, false, ft, f, st, sl, largest - lf, largest - ls, largest, largest + lsig, true, sigType, <f64>sig, false, false);
      continue;
    }
    const begin = min(e, s + max(lf, ls));
    const fastWma = denseWma(ft, f), slowWma = denseWma(st, sl);
    if (!fastWma || fastHeld != f) movingAverage(ft, f, x, fastWma ? s : begin - min(begin - s, lf), e, fastMa, work);
    if (!slowWma || slowHeld != sl) movingAverage(st, sl, x, slowWma ? s : begin - min(begin - s, ls), e, slowMa, work);
    fastHeld = fastWma ? f : 0;
    slowHeld = slowWma ? sl : 0;
    for (let t = begin; t < e; ++t) store<f64>(line + (<usize>t << 3), at(fastMa, t) - at(slowMa, t));
    movingAverage(sigType, sig, line, begin, e, signal, work);
    for (let t = s; t < e; ++t) {
      const on = t >= begin + lsig;
      const m = at(line, t), g = at(signal, t);
      put<O>(c, 0, t, v, on ? m : NaN);
      put<O>(c, 1, t, v, on ? g : NaN);
      put<O>(c, 2, t, v, on ? m - g : NaN);
    }
  }
}
